#!/usr/bin/env bash
# Installs the Debian packages terwatch needs to build and test, when missing.
# Usage: scripts/install-deps.sh [extra-package...]
set -euo pipefail
wanted=(libinotifytools0-dev "$@")
missing=()
for package in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi
