#!/usr/bin/env python3
"""A daemon of the classic kind: it reads its configuration at start and again on SIGHUP.

It knows nothing about terwatch. It asks `terwatch print --format json` for the
resolved values (any way of reading the file would do) and logs one line per load:
    config: generation 1 GREETING=hello WORKERS=4
Usage: daemon.py ENV_FILE PIDFILE [TERWATCH]
"""
import json
import os
import signal
import subprocess
import sys

env_file, pidfile = sys.argv[1], sys.argv[2]
terwatch = sys.argv[3] if len(sys.argv) > 3 else "terwatch"
loads = 0
reload_requested = False


def load():
    global loads
    loads += 1
    result = subprocess.run([terwatch, "print", "--format", "json", env_file], capture_output=True, text=True)
    if result.returncode != 0:
        print(f"config: load {loads} failed, keeping the old one", flush=True)
        return
    values = json.loads(result.stdout)
    shown = " ".join(f"{key}={values[key]}" for key in ("GREETING", "WORKERS") if key in values)
    print(f"config: load {loads} {shown}", flush=True)


def on_hangup(signum, frame):
    global reload_requested
    reload_requested = True


signal.signal(signal.SIGHUP, on_hangup)
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
with open(pidfile + ".tmp", "w") as handle:
    handle.write(f"{os.getpid()}\n")
os.replace(pidfile + ".tmp", pidfile)
load()
while True:
    signal.pause()
    if reload_requested:
        reload_requested = False
        load()
