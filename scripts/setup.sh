#!/usr/bin/env bash
# Creates .venv with Python 3.10 and installs the pinned dependencies.
# Idempotent: when requirements.txt, constraints.txt and the interpreter are
# unchanged since the last successful install, it returns at once.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.venv
stamp=$venv/.installed

fingerprint() {
    { cat requirements.txt constraints.txt; "$venv/bin/python" --version; } | sha256sum | cut -d' ' -f1
}

if [ -x "$venv/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$(fingerprint)" ]; then
    exit 0
fi

if ! { [ -x "$venv/bin/python" ] && "$venv/bin/python" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 10))'; }; then
    python=$(scripts/find_python.sh)
    echo "setup: creating $venv with $python"
    rm -rf "$venv"
    "$python" -m venv "$venv"
fi

echo "setup: installing pinned dependencies into $venv (the first time takes a few minutes)"
# The machine-wide pip config may name local indexes that lack most packages;
# pip warns about each one, which says nothing about this project.
pip_install() {
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check -c constraints.txt "$@" \
        2> >(grep -v "is neither a file nor a directory" >&2)
}
# wheel first, so that packages published only as source are built the modern way.
pip_install setuptools wheel
pip_install -r requirements.txt -c constraints.txt \
    2> >(grep -v "is neither a file nor a directory" >&2)
"$venv/bin/python" -m pip check
fingerprint > "$stamp"
echo "setup: done"
