"""Custom actions for Resursguiden, served by the Rasa action server (rasa-sdk)."""
