#!/usr/bin/env bash
# Runs the daemon, then terwatch beside it: every accepted edit of .env sends the daemon SIGHUP.
# Usage: examples/sighup-daemon/run.sh   (then edit examples/sighup-daemon/.env; Ctrl-C stops both)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
terwatch="${TERWATCH:-terwatch}"
pidfile="${PIDFILE:-$here/daemon.pid}"
python3 "$here/daemon.py" "$here/.env" "$pidfile" "$terwatch" &
daemon=$!
trap 'kill "$daemon" 2>/dev/null' EXIT
"$terwatch" watch -f "$here/.env" --signal-pidfile "$pidfile"
