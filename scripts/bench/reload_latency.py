#!/usr/bin/env python3
"""Reload latency and idle cost of `terwatch watch`, beside inotifywait in the same run.

Measures, over N rename-style saves of a changed 100-key .env:
  * terwatch watch --debounce 0 --fifo F: rename -> JSON line read from the FIFO
  * inotifywait -m on the directory: rename -> event line (the raw floor)
  * an inotifywait + python-dotenv shell loop (what people glue together today)
and then, for terwatch: voluntary context switches over an idle window, RSS while
watching one file, and the time to start watching a tree of 10,000 directories.
Usage: reload_latency.py TERWATCH [--runs N] [--idle-seconds S]
"""
import argparse
import contextlib
import os
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

READY_WORD = "watching"


def write_env(path, generation, keys=100):
    """Writes the next version beside the watched directory, so only the rename is seen in it."""
    lines = [f"KEY_{i}=value-{i}-{generation if i == 0 else 0}\n" for i in range(keys)]
    staging = os.path.dirname(path) + "-staging"
    os.makedirs(staging, exist_ok=True)
    tmp = os.path.join(staging, os.path.basename(path))
    with open(tmp, "w") as handle:
        handle.writelines(lines)
    return tmp


_pending = {}


def read_line(fd, deadline):
    """Reads one line from a non-blocking descriptor, waiting until the deadline."""
    buffer = _pending.get(fd, b"")
    while b"\n" not in buffer:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            _pending[fd] = buffer
            raise TimeoutError("no line before the deadline")
        ready, _, _ = select.select([fd], [], [], remaining)
        if ready:
            chunk = os.read(fd, 65536)
            if not chunk:
                raise EOFError("stream closed")
            buffer += chunk
    line, _, rest = buffer.partition(b"\n")
    _pending[fd] = rest
    return line + b"\n"


def drain(fd):
    """Drops whatever is already readable on fd."""
    _pending[fd] = b""
    try:
        while os.read(fd, 65536):
            pass
    except BlockingIOError:
        pass


def warm_up(env, fd):
    """Renames until one line arrives: a loop that prints no ready line may miss the first event."""
    for attempt in range(20):
        os.rename(write_env(env, 1000 + attempt), env)
        try:
            read_line(fd, time.monotonic() + 1)
            time.sleep(0.2)
            drain(fd)
            return
        except TimeoutError:
            continue
    raise TimeoutError("the loop never answered")


def wait_for_ready(process, deadline):
    fd = process.stderr.fileno()
    os.set_blocking(fd, False)
    while True:
        line = read_line(fd, deadline).decode(errors="replace")
        if READY_WORD in line:
            return


def measure(directory, env, runs, line_source, drain=None, pause=0.0):
    """Times rename -> one line from line_source, `runs` times; returns milliseconds."""
    samples = []
    for generation in range(1, runs + 1):
        tmp = write_env(env, generation)
        time.sleep(pause)
        if drain:
            drain()
        start = time.monotonic_ns()
        os.rename(tmp, env)
        line_source(time.monotonic() + 10)
        samples.append((time.monotonic_ns() - start) / 1e6)
    return samples


@contextlib.contextmanager
def bench_directory(with_env=True):
    """A fresh directory (holding the first 100-key .env unless told otherwise) and its path; removed afterwards with its staging twin."""
    directory = tempfile.mkdtemp(prefix="terwatch-bench-")
    env = os.path.join(directory, ".env")
    try:
        if with_env:
            os.rename(write_env(env, 0), env)
        yield directory, env
    finally:
        shutil.rmtree(directory)
        shutil.rmtree(directory + "-staging", ignore_errors=True)


@contextlib.contextmanager
def running(arguments, with_children=False, **options):
    """A process started with `arguments`; terminated (its children too when told) and waited for afterwards."""
    process = subprocess.Popen(arguments, **options)
    try:
        yield process
    finally:
        process.terminate()
        if with_children:
            subprocess.run(["pkill", "-P", str(process.pid)], check=False)
        process.wait(timeout=10)


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def terwatch_latency(terwatch, runs):
    with bench_directory() as (directory, env):
        fifo = os.path.join(directory, "events.fifo")
        os.mkfifo(fifo, 0o600)
        arguments = [terwatch, "watch", "--debounce", "0", "-f", env, "--fifo", fifo]
        with running(arguments, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL) as process:
            reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
            wait_for_ready(process, time.monotonic() + 30)
            samples = measure(directory, env, runs, lambda deadline: read_line(reader, deadline))
            os.close(reader)
            return samples


def inotifywait_latency(runs):
    with bench_directory() as (directory, env):
        arguments = ["inotifywait", "-m", "-q", "-e", "moved_to,close_write", "--format", "%e %f", directory]
        with running(arguments, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
            fd = process.stdout.fileno()
            os.set_blocking(fd, False)
            warm_up(env, fd)

            def next_rename(deadline):
                while b"MOVED_TO .env" not in read_line(fd, deadline):
                    pass

            return measure(directory, env, runs, next_rename, lambda: drain(fd))


def glue_loop_latency(runs):
    with bench_directory() as (directory, env):
        return glue_loop_in(directory, env, runs)


def glue_loop_in(directory, env, runs):
    out = os.path.join(directory, "out.fifo")
    os.mkfifo(out)
    script = (
        'while inotifywait -q -q -e moved_to,close_write "$0"; do '
        'python3 -c "import json,sys; from dotenv import dotenv_values; '
        'print(json.dumps(dotenv_values(sys.argv[1], interpolate=True)))" "$0/.env"; done > "$1"'
    )
    with running(["bash", "-c", script, directory, out], with_children=True, stderr=subprocess.DEVNULL):
        reader = os.open(out, os.O_RDONLY | os.O_NONBLOCK)
        warm_up(env, reader)
        # Between two inotifywait runs the loop is blind: a rename then is lost for good
        # (measured: one right after a reply is missed). Give it 100 ms to re-arm.
        return measure(directory, env, runs, lambda deadline: read_line(reader, deadline), pause=0.1)


def task_switches(pid):
    """Voluntary context switches per thread, by thread name."""
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        with open(f"/proc/{pid}/task/{task}/comm") as handle:
            name = handle.read().strip()
        with open(f"/proc/{pid}/task/{task}/status") as handle:
            for line in handle:
                if line.startswith("voluntary_ctxt_switches"):
                    counts[f"{name}[{task}]"] = int(line.split()[1])
    return counts


def rss_kib(pid):
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS"):
                return int(line.split()[1])
    return -1


def idle_cost(terwatch, seconds):
    with bench_directory() as (_, env):
        arguments = [terwatch, "watch", "-f", env]
        with running(arguments, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL) as process:
            wait_for_ready(process, time.monotonic() + 30)
            time.sleep(0.5)  # let start-up work finish before counting
            before = task_switches(process.pid)
            time.sleep(seconds)
            after = task_switches(process.pid)
            woken = {name: after[name] - before.get(name, 0) for name in after}
            return woken, rss_kib(process.pid)


def tree_start(terwatch, count=10_000):
    with bench_directory(with_env=False) as (directory, env):
        for i in range(count):
            os.makedirs(os.path.join(directory, f"d{i // 100}", f"e{i % 100}"), exist_ok=True)
        with open(env, "w") as handle:
            handle.write("A=1\n")
        start = time.monotonic()
        arguments = [terwatch, "watch", "-f", directory]
        with running(arguments, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL) as process:
            wait_for_ready(process, time.monotonic() + 60)
            return time.monotonic() - start


def row(name, samples):
    return f"| {name} | {statistics.median(samples):.3f} | {percentile(samples, 0.99):.3f} |"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("terwatch")
    parser.add_argument("--runs", type=int, default=500)
    parser.add_argument("--idle-seconds", type=float, default=10)
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    print("| rename -> notification | p50 ms | p99 ms |\n|---|---|---|")
    print(row("inotifywait -m (raw event floor)", inotifywait_latency(args.runs)))
    print(row("terwatch watch --debounce 0 --fifo", terwatch_latency(args.terwatch, args.runs)))
    print(row("inotifywait + python-dotenv loop", glue_loop_latency(min(args.runs, 100))))
    woken, rss = idle_cost(args.terwatch, args.idle_seconds)
    shown = ", ".join(f"{name} {count}" for name, count in sorted(woken.items()))
    print(f"\nidle terwatch over {args.idle_seconds:g} s, voluntary context switches per thread: {shown}; RSS {rss / 1024:.1f} MiB")
    print(f"watching a tree of 10,000 directories: ready after {tree_start(args.terwatch):.3f} s")


if __name__ == "__main__":
    sys.exit(main())
