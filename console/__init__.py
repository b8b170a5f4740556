"""The operator console: a small Sanic web application for reading redacted conversations,
improving the assistant and reporting anonymous statistics (README, "Operator console")."""
