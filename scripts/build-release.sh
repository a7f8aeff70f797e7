#!/usr/bin/env bash
# Builds terwatch as it is meant to be installed and prints the binary's path:
# release mode, one fully static executable (--static-swift-stdlib plus
# -static-executable: the Swift runtime, Foundation's essentials, libstdc++,
# glibc and libinotifytools all linked in). Nothing is relocated or looked up
# by the dynamic loader at start, which takes the memory of an idle
# `terwatch watch` from 15.6 MiB (dynamic) to under 10 MiB (README, "Reloads"),
# and the binary runs in any Linux container, distroless or scratch included.
# The linker warns that glibc's user and group lookups (getpwnam…, reached
# only through Foundation code terwatch does not call) would need glibc's NSS
# libraries at run time. The executable's own image is not position
# independent, so it loads at a fixed address (heap, stacks and mappings stay
# randomized).
# Generic types are instantiated through their metadata accessors instead of
# by demangling their names at run time: ArgumentParser builds dozens of
# generic option types at every start, and demangling them (with a protocol
# conformance lookup for each requirement) took about a millisecond of it.
# Usage: scripts/build-release.sh   (the binary goes to .build-static/release/terwatch)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product terwatch --scratch-path .build-static --static-swift-stdlib \
    -Xswiftc -static-executable \
    -Xswiftc -Xfrontend -Xswiftc -disable-concrete-type-metadata-mangled-name-accessors >&2
echo "$PWD/.build-static/release/terwatch"
