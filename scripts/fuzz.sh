#!/usr/bin/env bash
# Fuzzes the dotenv parser, resolver and writer with libFuzzer (Fuzz/DotenvFuzzTarget.swift).
# Usage: scripts/fuzz.sh [SECONDS]   (default 60)
# Builds into .fuzz/, grows the corpus in .fuzz/corpus from Fuzz/seeds, keeps every
# crash, hang, leak or out-of-memory input in .fuzz/artifacts/ and the log in .fuzz/fuzz.log.
# Exits 0 when the run found nothing, 1 when it found something, 2 on a usage error.
# Replay one input (a reproducer in Fuzz/crashes/, say): .fuzz/terwatch-fuzz FILE
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
case $seconds in
    '' | *[!0-9]* | 0) echo "fuzz: SECONDS must be a positive whole number, not '$seconds'" >&2; exit 2 ;;
esac

scratch=.fuzz
binary=$scratch/terwatch-fuzz
corpus=$scratch/corpus
artifacts=$scratch/artifacts
log=$scratch/fuzz.log
mkdir -p "$corpus" "$artifacts"

# TerwatchEnv has no dependencies, so its sources and the entry point compile as one module.
sources=(Sources/TerwatchEnv/*.swift Fuzz/*.swift)
if [ ! -x "$binary" ] || [ -n "$(find "${sources[@]}" scripts/fuzz.sh -newer "$binary")" ]; then
    echo "fuzz: building $binary"
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -use-ld=lld \
        -module-name TerwatchFuzz "${sources[@]}" -o "$binary"
fi

marker=$scratch/run-started
touch "$marker"
echo "fuzz: running for $seconds s, log in $log"
status=0
started=$SECONDS
# The Swift runtime's own crash reporter would hide libFuzzer's report and its artifact.
SWIFT_BACKTRACE=enable=no "$binary" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -dict=Fuzz/dotenv.dict -artifact_prefix="$artifacts/" -print_final_stats=1 \
    "$corpus" Fuzz/seeds >"$log" 2>&1 || status=$?

stat() { sed -n "s/^stat::$1: *//p" "$log" | tail -n 1; }
elapsed=$((SECONDS - started))
runs=$(stat number_of_executed_units)
speed="?"
[ -n "$runs" ] && speed=$((runs / (elapsed > 0 ? elapsed : 1)))
found=$(find "$artifacts" -type f -newer "$marker" | sort)
summary="${runs:-?} runs in $elapsed s ($speed/s), corpus $(find "$corpus" -type f | wc -l) inputs"

if [ "$status" -eq 0 ] && [ -z "$found" ]; then
    echo "fuzz: passed: $summary, no crash, hang or leak"
    exit 0
fi

# Show the report: from the first error line to the end, with Swift names demangled.
demangle=cat
command -v swift-demangle >/dev/null && demangle="swift-demangle --simplified"
first=$(grep -n -m 1 -E 'Fatal error|^==[0-9]+== *ERROR|^ERROR:|LeakSanitizer|libFuzzer: (timeout|out-of-memory)' "$log" | cut -d: -f1)
tail -n +"${first:-1}" "$log" | $demangle | head -n 80 >&2

case $found in
    "") kind="failure (libFuzzer exit status $status)" ;;
    *"/timeout-"* | *"/slow-unit-"*) kind="hang" ;;
    *"/leak-"*) kind="leak" ;;
    *"/oom-"*) kind="out-of-memory" ;;
    *) kind="crash" ;;
esac
grep -q 'invariant broken' "$log" && kind="invariant violation"
echo "fuzz: FAILED: $kind after $summary; input kept in ${found//$'\n'/, }" >&2
exit 1
