#!/usr/bin/env bash
# Debian's Chromium (and ChromeDriver) for the widget's browser tests: from the
# distribution's packages, never a browser download. Returns at once when present.
set -euo pipefail

if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: the browser tests need Debian's chromium; install it (package 'chromium')" >&2
    exit 2
fi
sudo=""
if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
echo "setup: installing Debian's chromium and chromium-driver for the browser tests (about a minute)"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    chromium chromium-driver fonts-dejavu-core >/dev/null
echo "setup: $(chromium --version)"
