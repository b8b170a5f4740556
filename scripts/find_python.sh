#!/usr/bin/env bash
# Prints the path of a Python 3.10 interpreter (Rasa 3.6 runs on 3.10, not 3.11).
# Looks, in order, at $PYTHON, python3.10 on PATH, pyenv's versions folder and
# `uv python find 3.10`. pyenv's shim for python3.10 exists even when 3.10 is not
# the selected version and then fails, so every candidate is run, not just found.
set -euo pipefail

is_py310() {
    [ -n "$1" ] && [ "$("$1" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)" = "3.10" ]
}

candidates=()
[ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10.*; do
    [ -x "$dir/bin/python3.10" ] && candidates+=("$dir/bin/python3.10")
done
if command -v uv >/dev/null 2>&1; then
    found=$(uv python find 3.10 2>/dev/null || true)
    [ -n "$found" ] && candidates+=("$found")
fi

for candidate in "${candidates[@]}"; do
    if is_py310 "$candidate"; then
        echo "$candidate"
        exit 0
    fi
done

cat >&2 <<'MSG'
No Python 3.10 found. Rasa 3.6 needs Python 3.10 (3.11 and newer do not work).
Install one and run this again, for example:
    pyenv install 3.10          # with pyenv
    uv python install 3.10      # with uv
    apt-get install python3.10 python3.10-venv   # where your distribution has it
or point to one explicitly:  PYTHON=/path/to/python3.10 make test
MSG
exit 1
