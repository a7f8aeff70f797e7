#!/usr/bin/env python3
"""Start overhead and restart latency of wrap mode (`terwatch -f .env -- COMMAND`).

(a) Start overhead: whole-process wall time of `terwatch -f small.env -- /bin/true`
    beside `env /bin/true` and python-dotenv's `dotenv -f small.env run -- /bin/true`,
    interleaved in one run so all three see the same load; medians.
(b) Restart latency: `terwatch --debounce 0` wrapping a shell child that prints
    `ready G` at start and exits at once on TERM; a changed .env renamed over the
    watched one -> the new child's first line read from terwatch's stdout; p50/p99.
Usage: wrap_overhead.py TERWATCH [--starts N] [--restarts N]
"""
import argparse
import os
import select
import shutil
import statistics
import subprocess
import tempfile
import time

CHILD = 'trap "exit 0" TERM; echo "ready $G"; while :; do sleep 60 & wait $!; done'


def percentile(values, fraction):
    """The value at `fraction` of the sorted values (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))]


def time_run(command, cwd):
    """Wall time of one run of `command` to its exit, in milliseconds; fails on a non-zero status."""
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return (time.perf_counter() - start) * 1000


def start_overhead(terwatch, runs, work):
    """Median wall times of the three commands, interleaved run by run."""
    with open(os.path.join(work, "small.env"), "w") as handle:
        handle.writelines(f"KEY_{i}=value-{i}\n" for i in range(10))
    commands = {
        "`env /bin/true`": ["env", "/bin/true"],
        "`terwatch -f small.env -- /bin/true`": [terwatch, "-f", "small.env", "--", "/bin/true"],
        "`dotenv -f small.env run -- /bin/true` (python-dotenv)": ["dotenv", "-f", "small.env", "run", "--", "/bin/true"],
    }
    times = {name: [] for name in commands}
    for name, command in commands.items():
        time_run(command, work)  # warm caches
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(time_run(command, work))
    return {name: statistics.median(values) for name, values in times.items()}


class LineReader:
    """Lines of a pipe, each waited for until a deadline."""

    def __init__(self, fd):
        self.fd = fd
        self.buffer = b""

    def line(self, deadline):
        while b"\n" not in self.buffer:
            remaining = deadline - time.monotonic()
            ready, _, _ = select.select([self.fd], [], [], max(remaining, 0))
            if not ready:
                raise TimeoutError("no line before the deadline")
            chunk = os.read(self.fd, 65536)
            if not chunk:
                raise EOFError("terwatch closed its stdout")
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode()

    def wait_for(self, text, limit=10):
        deadline = time.monotonic() + limit
        while self.line(deadline) != text:
            pass


def restart_latency(terwatch, runs, work):
    """Milliseconds from rename() of a changed .env to the new child's first line, one per run."""
    watched = os.path.join(work, "app")
    staging = os.path.join(work, "staging")
    os.makedirs(watched)
    os.makedirs(staging)
    env = os.path.join(watched, ".env")
    with open(env, "w") as handle:
        handle.write("G=0\n")
    process = subprocess.Popen(
        [terwatch, "-f", env, "--debounce", "0", "-q", "--", "/bin/sh", "-c", CHILD],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    reader = LineReader(process.stdout.fileno())
    try:
        reader.wait_for("ready 0")
        latencies = []
        for generation in range(1, runs + 1):
            staged = os.path.join(staging, ".env")
            with open(staged, "w") as handle:
                handle.write(f"G={generation}\n")
            start = time.perf_counter()
            os.rename(staged, env)
            reader.wait_for(f"ready {generation}")
            latencies.append((time.perf_counter() - start) * 1000)
        return latencies
    finally:
        process.terminate()
        process.wait(timeout=20)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("terwatch")
    parser.add_argument("--starts", type=int, default=200)
    parser.add_argument("--restarts", type=int, default=100)
    arguments = parser.parse_args()
    terwatch = os.path.abspath(arguments.terwatch)
    work = tempfile.mkdtemp(prefix="terwatch-bench-wrap-")
    try:
        medians = start_overhead(terwatch, arguments.starts, work)
        latencies = restart_latency(terwatch, arguments.restarts, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()[0]
    print(f"start overhead, {arguments.starts} runs each, interleaved (load average {load:.1f}):\n")
    print("| command | median |\n|---|---:|")
    for name, median in medians.items():
        print(f"| {name} | {median:.2f} ms |")
    baseline = medians["`env /bin/true`"]
    over = medians["`terwatch -f small.env -- /bin/true`"] - baseline
    ratio = medians["`terwatch -f small.env -- /bin/true`"] / baseline
    # The machine's speed moves all three medians together; the ratio to env moves much less.
    print(f"\nterwatch over env: {over:.2f} ms ({ratio:.1f}x env)\n")
    print(f"restart latency, {arguments.restarts} renames of a changed .env -> the new child's first line:\n")
    print("| rename -> new child's first line | p50 | p99 |\n|---|---:|---:|")
    print(f"| `terwatch --debounce 0 -- sh child` | {percentile(latencies, 0.5):.2f} ms | {percentile(latencies, 0.99):.2f} ms |")


if __name__ == "__main__":
    main()
