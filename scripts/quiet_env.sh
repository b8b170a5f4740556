# Sourced by the scripts that run Rasa: privacy and noise settings shared by
# training, serving and tests.

# No usage data leaves the machine.
export RASA_TELEMETRY_ENABLED=false
# No access log: it would record every client's IP address and request line.
export SANIC_ACCESS_LOG=false
# Libraries log errors only; Rasa's own INFO lines carry no message text.
export LOG_LEVEL_LIBRARIES=ERROR
export TF_CPP_MIN_LOG_LEVEL=2
export SQLALCHEMY_SILENCE_UBER_WARNING=1
