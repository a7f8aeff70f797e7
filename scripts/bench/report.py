#!/usr/bin/env python3
"""Turns the three programs' result lines into the benchmark's Markdown table.

Usage: report.py CORPUS_DIR TERWATCH_RESULTS GODOTENV_RESULTS PYTHON_DOTENV_RESULTS

Each input holds lines `file=PATH bytes=N keys=N iterations=N median_s=X mb_per_s=Y`
for files named env-<lines>.<full|common>.env. Prints the table, the targets'
verdicts and the iteration counts; exits with status 1 when a parser's number
of keys differs from the one CORPUS_DIR/keys.txt lists (so the three also
agree with each other on the common corpus).
"""

import re
import sys
from pathlib import Path

TARGET_MB_PER_S = 150.0
TARGET_GODOTENV_RATIO = 4.0
TARGET_SCALING = 0.75


def read_results(path):
    """{(lines, variant): {field: value}} from one program's output."""
    results = {}
    for line in Path(path).read_text().splitlines():
        fields = dict(item.split("=", 1) for item in line.split())
        match = re.search(r"env-(\d+)\.(full|common)\.env$", fields["file"])
        results[(int(match.group(1)), match.group(2))] = fields
    return results


def mbps(result):
    return float(result["mb_per_s"])


def main():
    if len(sys.argv) != 5:
        sys.exit("usage: report.py CORPUS_DIR TERWATCH_RESULTS GODOTENV_RESULTS PYTHON_DOTENV_RESULTS")
    expected = dict(line.split() for line in (Path(sys.argv[1]) / "keys.txt").read_text().splitlines())
    terwatch, godotenv, python = (read_results(path) for path in sys.argv[2:])
    sizes = sorted(lines for lines, variant in terwatch if variant == "common")
    smallest = terwatch[(sizes[0], "common")]

    print("| lines | bytes common / full | keys common / full | terwatch common MB/s | terwatch full MB/s "
          "| godotenv MB/s | python-dotenv MB/s | terwatch / godotenv | terwatch / python-dotenv "
          "| terwatch vs its 150-line |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    mismatches = []
    for lines in sizes:
        common, full = terwatch[(lines, "common")], terwatch[(lines, "full")]
        go, py = godotenv[(lines, "common")], python[(lines, "common")]
        for parser, result in (("terwatch", common), ("terwatch", full), ("godotenv", go), ("python-dotenv", py)):
            name = Path(result["file"]).name
            if result["keys"] != expected[name]:
                mismatches.append(f"{parser} reports {result['keys']} keys in '{name}', not {expected[name]}")
        print(f"| {lines:,} | {int(common['bytes']):,} / {int(full['bytes']):,} "
              f"| {common['keys']} / {full['keys']} | {mbps(common):.1f} | {mbps(full):.1f} "
              f"| {mbps(go):.1f} | {mbps(py):.2f} | {mbps(common) / mbps(go):.2f}× "
              f"| {mbps(common) / mbps(py):.0f}× | {mbps(common) / mbps(smallest):.0%} |")

    print()
    slowest = min(mbps(terwatch[(lines, variant)]) for lines in sizes for variant in ("common", "full"))
    worst_ratio = min(mbps(terwatch[(lines, "common")]) / mbps(godotenv[(lines, "common")]) for lines in sizes)
    scaling = mbps(terwatch[(sizes[-1], "common")]) / mbps(smallest)
    verdict = lambda ok: "met" if ok else "MISSED"
    print(f"- ≥{TARGET_MB_PER_S:.0f} MB/s at every size: {verdict(slowest >= TARGET_MB_PER_S)} "
          f"(slowest {slowest:.1f} MB/s)")
    print(f"- ≥{TARGET_GODOTENV_RATIO:.0f}× godotenv at every size: "
          f"{verdict(worst_ratio >= TARGET_GODOTENV_RATIO)} (lowest {worst_ratio:.2f}×)")
    print(f"- {sizes[-1]:,}-line throughput ≥{TARGET_SCALING:.0%} of the {sizes[0]}-line one: "
          f"{verdict(scaling >= TARGET_SCALING)} ({scaling:.0%})")
    print("- timed runs per median (terwatch common/full, godotenv, python-dotenv): " + "; ".join(
        f"{lines:,}: {terwatch[(lines, 'common')]['iterations']}/{terwatch[(lines, 'full')]['iterations']}, "
        f"{godotenv[(lines, 'common')]['iterations']}, {python[(lines, 'common')]['iterations']}"
        for lines in sizes))
    if mismatches:
        print()
        for mismatch in mismatches:
            print(f"error: {mismatch}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
