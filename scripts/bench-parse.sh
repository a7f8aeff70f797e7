#!/usr/bin/env bash
# Parse+expand throughput of terwatch's dotenv library against godotenv and
# python-dotenv, measured in one run on the same machine; prints a Markdown table.
# Installs what is missing (Debian golang-go and golang-github-joho-godotenv-dev,
# python-dotenv from PyPI), builds in release mode, generates the corpora into
# .bench/ (git-ignored). Exits with status 1 when a parser does not report the
# number of keys the corpus generator wrote. Takes about a minute after the
# build, most of it python-dotenv on the 50,000-line file.
# Runs are timed by the wall clock (CLOCK_MONOTONIC); with BENCH_CLOCK=cpu by the
# process's CPU time instead, which a machine busy with other work skews less
# (the time spent waiting for a CPU does not count).
# Each program times its files in turns (a slice of runs each, round after round),
# so a machine whose speed drifts slows every size alike.
# The programs run with the C library's heap kept between runs (BENCH_HEAP=kept,
# the default): glibc's malloc would otherwise hand the heap back to the system
# each time a run's result is freed, and the next run would fault every page in
# again. The agent never sees that (it reads a new configuration while the one
# in force is still alive, so freed memory is reused), nor does Go's runtime,
# which keeps its heap; BENCH_HEAP=returned measures glibc's default.
# Usage: [BENCH_CLOCK=monotonic|cpu] [BENCH_HEAP=kept|returned] scripts/bench-parse.sh
set -euo pipefail
cd "$(dirname "$0")/.."
clock=${BENCH_CLOCK:-monotonic}
case "$clock" in
    monotonic | cpu) ;;
    *) echo "bench-parse.sh: BENCH_CLOCK must be 'monotonic' or 'cpu', not '$clock'" >&2; exit 2 ;;
esac
heap=${BENCH_HEAP:-kept}
case "$heap" in
    # 64 MiB: the most glibc's own sliding threshold ever keeps, more than any run here frees.
    kept) tunables=glibc.malloc.trim_threshold=67108864 ;;
    returned) tunables= ;;
    *) echo "bench-parse.sh: BENCH_HEAP must be 'kept' or 'returned', not '$heap'" >&2; exit 2 ;;
esac

# Runs a timed program with the heap setting above.
timed() {
    if [ -n "$tunables" ]; then GLIBC_TUNABLES=$tunables "$@"; else env -u GLIBC_TUNABLES "$@"; fi
}

scripts/install-deps.sh golang-go golang-github-joho-godotenv-dev python3
python3 -c 'import dotenv' 2>/dev/null || python3 -m pip install --quiet python-dotenv

out=.bench
mkdir -p "$out"
echo "building terwatch-bench-parse (release) and the godotenv program…" >&2
swift build -c release --product terwatch-bench-parse --scratch-path .build-release >&2
GOPATH=/usr/share/gocode GO111MODULE=off go build -o "$out/godotenv-bench" scripts/bench/godotenv_bench.go

python3 scripts/bench/make_corpus.py "$out/corpus"
sizes=(150 5000 50000)
common=() full=()
for lines in "${sizes[@]}"; do
    common+=("$out/corpus/env-$lines.common.env")
    full+=("$out/corpus/env-$lines.full.env")
done

echo "timing terwatch…" >&2
timed .build-release/release/terwatch-bench-parse --clock "$clock" "${common[@]}" "${full[@]}" | tee "$out/terwatch.txt" >&2
echo "timing godotenv…" >&2
timed "$out/godotenv-bench" --clock "$clock" "${common[@]}" | tee "$out/godotenv.txt" >&2
echo "timing python-dotenv (the 50,000-line file alone takes about a minute)…" >&2
timed python3 scripts/bench/python_dotenv_bench.py --clock "$clock" "${common[@]}" | tee "$out/python-dotenv.txt" >&2

load=$(cut -d' ' -f1 /proc/loadavg)
echo
echo "$(swift --version 2>&1 | head -1); $(go version); godotenv $(dpkg-query -W -f='${Version}' golang-github-joho-godotenv-dev);" \
    "Python $(python3 -c 'import platform; print(platform.python_version())')," \
    "python-dotenv $(python3 -c 'import importlib.metadata as m; print(m.version("python-dotenv"))');" \
    "$(nproc) CPU(s): $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); load average $load at the end; timed by the $clock clock; heap $heap between runs"
if awk -v load="$load" -v cpus="$(nproc)" 'BEGIN { exit !(load > cpus / 2) }'; then
    echo
    if [ "$clock" = monotonic ]; then
        echo "**Warning**: load average $load on $(nproc) CPU(s): other work shared the CPUs, so these wall-clock figures are low and noisy (try BENCH_CLOCK=cpu)."
    else
        echo "**Note**: load average $load on $(nproc) CPU(s): CPU time leaves out waiting for a CPU, but shared caches still cost some speed."
    fi
fi
echo
python3 scripts/bench/report.py "$out/corpus" "$out/terwatch.txt" "$out/godotenv.txt" "$out/python-dotenv.txt"
