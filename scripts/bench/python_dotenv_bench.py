#!/usr/bin/env python3
"""Times python-dotenv's dotenv_values(stream=..., interpolate=True) in-process.

Usage: python_dotenv_bench.py [--clock monotonic|cpu] [--warmup-seconds S] [--min-seconds S]
                              [--min-iterations N] [--max-seconds S] [--max-iterations N] FILE...

Same measuring rule, options and output as terwatch-bench-parse (see
Benchmarks/ParseThroughput/MeasuringRule.swift) and godotenv_bench.go:
warm up until --warmup-seconds have passed (at least one run); a single warm-up
run longer than --max-seconds becomes the only sample (python-dotenv's
interpolation is quadratic: the largest file takes tens of seconds a run).
Otherwise measure until both --min-seconds and --min-iterations are reached, or
--max-seconds have passed or --max-iterations runs were timed. Prints one line per file:
  file=PATH bytes=N keys=N iterations=N median_s=X mb_per_s=Y
where MB/s is the file's bytes (10^6 a MB) over the median seconds of one run.
"""

import argparse
import io
import logging
import statistics
import sys
import time

from dotenv import dotenv_values


class CountingHandler(logging.Handler):
    """Counts python-dotenv's "could not parse statement" warnings."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


CLOCKS = {"monotonic": time.perf_counter, "cpu": time.process_time}


def run_once(text, clock):
    started = clock()
    values = dotenv_values(stream=io.StringIO(text), interpolate=True)
    return clock() - started, len(values)


def measure(text, options):
    clock = CLOCKS[options.clock]
    samples = []
    warmed = 0.0
    while warmed < options.warmup_seconds or warmed == 0.0:
        seconds, keys = run_once(text, clock)
        warmed += seconds
        if seconds > options.max_seconds:
            return [seconds], keys
    total = 0.0
    while not samples or ((total < options.min_seconds or len(samples) < options.min_iterations)
                          and total < options.max_seconds and len(samples) < options.max_iterations):
        seconds, keys = run_once(text, clock)
        samples.append(seconds)
        total += seconds
    return samples, keys


def main():
    parser = argparse.ArgumentParser(description="python-dotenv parse+interpolate throughput")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="monotonic",
                        help="wall clock (CLOCK_MONOTONIC) or process CPU time (CLOCK_PROCESS_CPUTIME_ID)")
    parser.add_argument("--warmup-seconds", type=float, default=0.2)
    parser.add_argument("--min-seconds", type=float, default=0.5)
    parser.add_argument("--min-iterations", type=int, default=5)
    parser.add_argument("--max-seconds", type=float, default=20.0)
    parser.add_argument("--max-iterations", type=int, default=100_000)
    parser.add_argument("files", nargs="+")
    options = parser.parse_args()

    warnings = CountingHandler()
    logging.getLogger("dotenv").addHandler(warnings)
    for path in options.files:
        with open(path, "rb") as file:
            data = file.read()
        text = data.decode("utf-8")
        warnings.count = 0
        dotenv_values(stream=io.StringIO(text), interpolate=False)
        if warnings.count:
            sys.exit(f"python-dotenv could not parse {warnings.count} statement(s) of '{path}'")
        samples, keys = measure(text, options)
        median = statistics.median(samples)
        print(f"file={path} bytes={len(data)} keys={keys} iterations={len(samples)} "
              f"median_s={median:.9f} mb_per_s={len(data) / 1e6 / median:.3f}", flush=True)


if __name__ == "__main__":
    main()
