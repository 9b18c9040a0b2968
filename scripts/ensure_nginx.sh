#!/usr/bin/env bash
# `make serve` puts nginx (Debian's package) in front of the Streamlit processes.
# Install it when we can (root with apt-get), else say exactly what to install.
set -euo pipefail
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing for make serve: nginx"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q nginx
  exit 0
fi
echo "make serve needs nginx. Install as root: apt-get update && apt-get install -y nginx" >&2
exit 1
