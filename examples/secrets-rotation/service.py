#!/usr/bin/env python3
"""A stand-in service for terwatch to wrap: it reads its secrets from its
environment at start, says which ones it got without showing them, and runs
until it is stopped.

terwatch starts it with the keys of .env and secrets/, and restarts it when a
secret rotates:

    terwatch --secrets-dir secrets --audit-log audit.log -- python3 service.py

For each secret it prints the length and the first 8 hex digits of the value's
SHA-256, enough to see a rotation arrive. A real service should print nothing
about its secrets: a plain hash of a short password lets anyone check guesses.
"""
import hashlib
import os
import signal
import sys

SECRETS = ("db_password", "api_token")


def described(key):
    """`key sha256:1a2b3c4d (19 bytes)`, or `key missing`; never the value."""
    value = os.environ.get(key)
    if value is None:
        return f"{key} missing"
    digest = hashlib.sha256(value.encode()).hexdigest()[:8]
    return f"{key} sha256:{digest} ({len(value.encode())} bytes)"


def stop(signum, frame):
    """Exits at once with status 0, so terwatch can start the next one."""
    sys.exit(0)


def main():
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    print(f"service {os.getpid()}: started with " + ", ".join(described(key) for key in SECRETS), flush=True)
    while True:
        signal.pause()


if __name__ == "__main__":
    main()
