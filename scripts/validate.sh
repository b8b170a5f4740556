#!/usr/bin/env bash
# `rasa data validate --fail-on-warning`, made strict: Rasa 3.6 prints some warnings
# (an intent or response used nowhere) without failing, so any warning fails here.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/quiet_env.sh

output=$(.venv/bin/rasa data validate --fail-on-warning 2>&1) || { echo "$output"; exit 1; }
warnings=$(grep -E "UserWarning: " <<<"$output" | grep -v "DeprecationWarning" || true)
if [ -n "$warnings" ]; then
    echo "rasa data validate warned:"
    sed -E 's/.*UserWarning: //' <<<"$warnings"
    exit 1
fi
echo "rasa data validate: no warnings"
