#!/usr/bin/env bash
# Installs the widget's build and test tools (esbuild, TypeScript, axe-core) from the
# npm registry, exactly as widget/package-lock.json says. Only building the widget and
# the tests need Node.js: the product serves the committed bundle.
set -euo pipefail
cd "$(dirname "$0")/../widget"

if ! command -v npm >/dev/null 2>&1; then
    echo "setup: building and testing the widget needs Node.js 18 or newer with npm" >&2
    exit 2
fi
stamp=node_modules/.installed
fingerprint=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$fingerprint" ]; then
    exit 0
fi
echo "setup: installing the widget's build tools (npm ci)"
# esbuild's binary comes as a platform package, so its install script is not needed.
npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
echo "$fingerprint" > "$stamp"
