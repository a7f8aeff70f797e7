#!/usr/bin/env bash
# Wrap mode (release build): start overhead beside env and python-dotenv's
# `dotenv run`, then restart latency from a renamed .env to the new child's first line.
# Usage: scripts/bench-wrap.sh [--starts N] [--restarts N]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v dotenv >/dev/null 2>&1 || python3 -m pip install -q "python-dotenv[cli]"
terwatch=$(scripts/build-release.sh)
python3 scripts/bench/wrap_overhead.py "$terwatch" "$@"
