#!/usr/bin/env bash
# The browser tests drive Debian's Chromium, with CJK fonts so 中文 pages render as text.
# Install both when we can (root with apt-get), else say exactly what to install.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || missing+=(fonts-noto-cjk)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing for the browser tests: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  exit 0
fi
echo "The browser tests need: ${missing[*]}" >&2
echo "Install as root: apt-get update && apt-get install -y ${missing[*]}" >&2
exit 1
