#!/usr/bin/env bash
# The whole test suite: installs what is missing, builds, runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh python3
swift build
# One test at a time: tests count descriptors, threads and wake-ups of the whole process,
# and real-process tests keep their deadlines on a loaded 2-core machine.
swift test --no-parallel
