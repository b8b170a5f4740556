#!/usr/bin/env bash
# Starts the whole product in the foreground on its embedded defaults: the Rasa
# server (REST channel), the action server, the operator console and the demo site,
# through honcho and the Procfile. Ctrl-C (or SIGTERM to this process) stops all of it.
# Expects the set-up and a trained model (`make run` sees to both).
set -euo pipefail
cd "$(dirname "$0")/.."

# settings.env holds the defaults; variables already in the environment win.
source scripts/settings.sh

source scripts/quiet_env.sh
export PATH="$PWD/.venv/bin:$PATH"
mkdir -p var

if [ ! -f "$RASA_ENDPOINTS" ]; then
    echo "run: RASA_ENDPOINTS=$RASA_ENDPOINTS does not exist" >&2
    exit 2
fi
# DEBUG (and Rasa's --debug) write what people type into the log: not in this product.
case "${LOG_LEVEL:-INFO}" in
    INFO|WARNING|ERROR) ;;
    *) echo "run: LOG_LEVEL must be INFO, WARNING or ERROR, not '$LOG_LEVEL': DEBUG writes what people type into the log" >&2
       exit 2 ;;
esac

# The console's settings: refused here, at start, not by a console that would stop
# everything once honcho runs it.
for name in CONSOLE_PORT CONSOLE_AUDIT_DAYS; do
    case "${!name:-}" in
        ''|*[!0-9]*|0) echo "run: $name must be a whole number above 0, not '${!name:-}'" >&2
                       exit 2 ;;
    esac
done

# Off this machine the console's cookies must travel over TLS only.
case "${CONSOLE_HOST:-127.0.0.1}" in
    127.0.0.1|localhost|::1) ;;
    *) if [ "${CONSOLE_HTTPS:-false}" != "true" ]; then
           echo "run: CONSOLE_HOST=$CONSOLE_HOST reaches beyond this machine: put the console behind a reverse proxy with TLS and set CONSOLE_HTTPS=true" >&2
           exit 2
       fi ;;
esac

# Exact web site origins only (resursguiden/web_origins.py says what is wrong).
python -m resursguiden.web_origins "$ALLOWED_ORIGINS" || exit 2

# Conversations and everything else under var/ are for this user only (0700 / 0600).
umask 077
chmod 700 var
find var -type f -exec chmod 600 {} +

cat <<MSG
Resursguiden is starting (about 30 seconds; ready when "Rasa server is up and running" appears).
  Try it in a browser: http://localhost:$DEMO_PORT/   (a demo site with the chat widget)
  Chat over REST:      http://localhost:$RASA_PORT/webhooks/rest/webhook
                       curl -s -H 'Content-Type: application/json' localhost:$RASA_PORT/webhooks/rest/webhook \
                            -d '{"sender":"0123456789abcdef0123456789abcdef","message":"hej"}'
  Action server:       http://localhost:5055/health
  Operator console:    http://localhost:$CONSOLE_PORT/   (accounts: make console-user NAME=... ROLE=admin)
  Conversations:       $RASA_ENDPOINTS
  Browser origins:     $ALLOWED_ORIGINS
Stop everything with Ctrl-C.
MSG

# If whatever started us dies without passing on a signal (kill -9 of `make`),
# the kernel sends honcho SIGTERM and honcho stops every service it started.
if command -v setpriv >/dev/null 2>&1; then
    exec setpriv --pdeathsig TERM honcho start --no-colour
fi
exec honcho start --no-colour
