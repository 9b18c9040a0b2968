#!/usr/bin/env bash
# The accessibility browser test injects axe-core into each page. package.json pins its version and
# package-lock.json its checksum; `npm ci` installs exactly that into node_modules/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."
axe=node_modules/axe-core/axe.min.js
want=$(sed -n 's/.*"axe-core": "\([^"]*\)".*/\1/p' package.json)
have=$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' node_modules/axe-core/package.json 2>/dev/null | head -1 || true)  # empty before the first install
[ -f "$axe" ] && [ "$have" = "$want" ] && exit 0
if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "Installing Node.js and npm for the accessibility test"
    apt-get update -q
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q nodejs npm
  else
    echo "The accessibility test needs axe-core $want from npm, and npm is missing." >&2
    echo "Install Node.js and npm as root (apt-get install -y nodejs npm), then run: npm ci --ignore-scripts" >&2
    exit 1
  fi
fi
echo "Installing axe-core $want for the accessibility test"
npm ci --ignore-scripts --no-audit --no-fund
