#!/usr/bin/env bash
# Reload latency of `terwatch watch` (release build) next to inotifywait and an
# inotifywait + python-dotenv loop, then its idle cost and tree start-up time.
# Usage: scripts/bench-reload.sh [--runs N] [--idle-seconds S]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh inotify-tools
python3 -c 'import dotenv' 2>/dev/null || python3 -m pip install -q python-dotenv
terwatch=$(scripts/build-release.sh)
python3 scripts/bench/reload_latency.py "$terwatch" "$@"
