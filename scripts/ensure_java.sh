#!/usr/bin/env bash
# Install a Java 17 JDK (headless) if `java` or its compiler module is missing: HeidelTime, measured
# beside dateline by bench/compare_heideltime.py, is a Java program, and the script runs its small
# batch driver with Java's source launcher (which needs the jdk.compiler module, not in a bare JRE).
# Only `make bench-heideltime` needs it; dateline itself never does. Idempotent; needs root (or sudo)
# on Debian/Ubuntu.
set -euo pipefail

if command -v java >/dev/null && java --list-modules 2>/dev/null | grep -q '^jdk.compiler@'; then
    exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null; then SUDO=sudo; else
        echo "Error: a Java JDK is not installed and this is not root; run: apt-get install -y openjdk-17-jdk-headless" >&2
        exit 1
    fi
else
    SUDO=
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends openjdk-17-jdk-headless
