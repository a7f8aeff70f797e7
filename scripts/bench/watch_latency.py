"""Rename -> event latency of `terwatch watch --debounce 0 --fifo F` on a 100-key .env,
against the raw inotify floor (`inotifywait -m` on the same directory) in the same run,
plus the idle agent's wake-ups per thread and its RSS.

Usage: python3 scripts/bench/watch_latency.py TERWATCH [RUNS]
"""
import os
import select
import signal
import subprocess
import sys
import tempfile
import time

KEYS = 100


def env_text(run):
    return "".join(f"KEY_{k}=value_{k}_{run if k == 0 else ''}\n" for k in range(KEYS))


def percentiles(samples):
    samples = sorted(samples)
    pick = lambda q: samples[min(len(samples) - 1, int(len(samples) * q))]
    return f"p50 {pick(0.5):.3f} ms, p99 {pick(0.99):.3f} ms"


def rename_latency(directory, wait_for_line, runs):
    env = os.path.join(directory, ".env")
    samples = []
    for run in range(1, runs + 1):
        with open(env + ".tmp", "w") as file:
            file.write(env_text(run))
        start = time.perf_counter()
        os.rename(env + ".tmp", env)
        wait_for_line()
        samples.append((time.perf_counter() - start) * 1000)
        time.sleep(0.005)
    return samples


def thread_switches(pid):
    counts = {}
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            fields = dict(line.split(":", 1) for line in open(f"/proc/{pid}/task/{task}/status"))
        except (FileNotFoundError, ProcessLookupError):
            continue
        counts[task] = (fields["Name"].strip(), int(fields["voluntary_ctxt_switches"]) + int(fields["nonvoluntary_ctxt_switches"]))
    return counts


def main():
    terwatch, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500
    directory = tempfile.mkdtemp(prefix="terwatch-bench-")
    with open(os.path.join(directory, ".env"), "w") as file:
        file.write(env_text(0))
    fifo = os.path.join(directory, "events")
    os.mkfifo(fifo, 0o600)
    reader = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)
    agent = subprocess.Popen([terwatch, "watch", "--debounce", "0", "--fifo", fifo], cwd=directory, stderr=subprocess.PIPE, text=True)
    if "watching" not in agent.stderr.readline():
        sys.exit("terwatch did not start")

    time.sleep(3)  # let the thread pool retire its idle workers first
    before = thread_switches(agent.pid)
    time.sleep(10)
    after = thread_switches(agent.pid)
    idle = {f"{name}/{task}": after[task][1] - count for task, (name, count) in before.items() if task in after}
    rss = [line.split()[1] for line in open(f"/proc/{agent.pid}/status") if line.startswith("VmRSS")][0]
    print(f"idle 10 s, context switches per thread: {idle}; RSS {rss} kB")

    pending = bytearray()

    def next_event():
        while b"\n" not in pending:
            ready, _, _ = select.select([reader], [], [], 5)
            if not ready:
                sys.exit("no event within 5 s")
            pending.extend(os.read(reader, 65536))
        del pending[: pending.index(b"\n") + 1]

    print(f"terwatch watch --debounce 0, rename -> FIFO line, {runs} runs: {percentiles(rename_latency(directory, next_event, runs))}")
    agent.send_signal(signal.SIGTERM)
    agent.wait(10)

    floor = subprocess.Popen(["inotifywait", "-m", "-e", "moved_to", "--format", "%f", directory], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    while "Watches established" not in floor.stderr.readline():
        pass
    print(f"inotifywait -m, rename -> line, {runs} runs: {percentiles(rename_latency(directory, floor.stdout.readline, runs))}")
    floor.kill()


if __name__ == "__main__":
    main()
