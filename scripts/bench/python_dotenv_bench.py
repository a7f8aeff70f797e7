#!/usr/bin/env python3
"""Times python-dotenv's dotenv_values(stream=..., interpolate=True) in-process.

Usage: python_dotenv_bench.py [--clock monotonic|cpu] [--warmup-seconds S] [--slice-seconds S]
                              [--min-seconds S] [--min-iterations N] [--max-seconds S] [--max-iterations N] FILE...

Same measuring rule, options and output as terwatch-bench-parse (see
Benchmarks/ParseThroughput/MeasuringRule.swift) and godotenv_bench.go:
warm each file up until --warmup-seconds have passed (at least one run); a single
warm-up run longer than --max-seconds becomes the file's only sample (python-dotenv's
interpolation is quadratic: the largest file takes tens of seconds a run). Then
time the files in turns, --slice-seconds of runs each (at least one), round after
round, until each has both --min-seconds and --min-iterations, or --max-seconds
or --max-iterations. Prints one line per file, in the order given:
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


def enough(samples, timed, options):
    """Whether a file has enough samples."""
    return ((timed >= options.min_seconds and len(samples) >= options.min_iterations)
            or timed >= options.max_seconds or len(samples) >= options.max_iterations)


def measure(texts, options):
    """[(samples, keys)] for each of texts, timed in turns."""
    clock = CLOCKS[options.clock]
    measurements = [([], 0) for _ in texts]
    finished = [False] * len(texts)
    for index, text in enumerate(texts):
        warmed = 0.0
        while warmed < options.warmup_seconds or warmed == 0.0:
            seconds, keys = run_once(text, clock)
            warmed += seconds
            if seconds > options.max_seconds:
                measurements[index], finished[index] = ([seconds], keys), True
                break
    timed = [0.0] * len(texts)
    while not all(finished):
        for index, text in enumerate(texts):
            samples, keys = measurements[index]
            turn = 0.0
            while not finished[index] and (turn == 0.0 or turn < options.slice_seconds):
                seconds, keys = run_once(text, clock)
                samples.append(seconds)
                turn += seconds
                timed[index] += seconds
                finished[index] = enough(samples, timed[index], options)
            measurements[index] = (samples, keys)
    return measurements


def main():
    parser = argparse.ArgumentParser(description="python-dotenv parse+interpolate throughput")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="monotonic",
                        help="wall clock (CLOCK_MONOTONIC) or process CPU time (CLOCK_PROCESS_CPUTIME_ID)")
    parser.add_argument("--warmup-seconds", type=float, default=0.2)
    parser.add_argument("--slice-seconds", type=float, default=0.02)
    parser.add_argument("--min-seconds", type=float, default=0.5)
    parser.add_argument("--min-iterations", type=int, default=5)
    parser.add_argument("--max-seconds", type=float, default=20.0)
    parser.add_argument("--max-iterations", type=int, default=100_000)
    parser.add_argument("files", nargs="+")
    options = parser.parse_args()

    warnings = CountingHandler()
    logging.getLogger("dotenv").addHandler(warnings)
    sizes, texts = [], []
    for path in options.files:
        with open(path, "rb") as file:
            data = file.read()
        text = data.decode("utf-8")
        warnings.count = 0
        dotenv_values(stream=io.StringIO(text), interpolate=False)
        if warnings.count:
            sys.exit(f"python-dotenv could not parse {warnings.count} statement(s) of '{path}'")
        sizes.append(len(data))
        texts.append(text)
    for path, size, (samples, keys) in zip(options.files, sizes, measure(texts, options)):
        median = statistics.median(samples)
        print(f"file={path} bytes={size} keys={keys} iterations={len(samples)} "
              f"median_s={median:.9f} mb_per_s={size / 1e6 / median:.3f}", flush=True)


if __name__ == "__main__":
    main()
