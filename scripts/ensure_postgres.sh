#!/usr/bin/env bash
# The workspace store's tests run on a real PostgreSQL 15 (tests/store/postgres.py starts a private server).
# Install it when we can (root with apt-get), else say exactly what to install.
set -euo pipefail
[ -x /usr/lib/postgresql/15/bin/initdb ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing for the store tests: postgresql"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql
  exit 0
fi
echo "The store tests need PostgreSQL 15 (/usr/lib/postgresql/15/bin/initdb)" >&2
echo "Install as root: apt-get update && apt-get install -y postgresql" >&2
exit 1
