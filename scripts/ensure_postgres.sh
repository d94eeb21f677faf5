#!/usr/bin/env bash
# Install Debian's PostgreSQL server if it is missing (the tests start a throwaway server from it).
# Idempotent; needs root (or sudo) on Debian/Ubuntu. Does not start any service: the tests run
# initdb/pg_ctl themselves in a temporary folder.
set -euo pipefail

if compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
        echo "Error: PostgreSQL is not installed and this is not root; run: apt-get install -y postgresql" >&2
        exit 1
    fi
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends postgresql
# The package starts a cluster of its own on Debian; dateline does not use it.
