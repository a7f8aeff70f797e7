#!/usr/bin/env python3
"""A tiny web service configured by its environment: GET / answers with $GREETING.

Run it under terwatch, which starts it with the keys of .env and restarts it
when .env changes:

    terwatch -f examples/quickstart/.env -- python3 examples/quickstart/server.py
"""
import os
import signal
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer


class Greeter(BaseHTTPRequestHandler):
    """Answers GET / with the configured greeting, anything else with 404."""

    def do_GET(self):
        if self.path != "/":
            self.send_error(404)
            return
        body = (os.environ.get("GREETING", "hello") + "\n").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-App-Name", os.environ.get("APP_NAME", ""))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        if os.environ.get("LOG_LEVEL") == "debug":
            super().log_message(format, *args)


def stop(signum, frame):
    """Exits at once with status 0, so terwatch can start the next server."""
    sys.exit(0)


def main():
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    port = int(os.environ.get("PORT", "8080"))
    server = HTTPServer(("127.0.0.1", port), Greeter)
    print(f"ready on http://127.0.0.1:{port}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
