#!/bin/sh
# An exec hook: terwatch runs it after each committed reload with the new
# configuration in its environment and the event on stdin. A real hook would
# reload or restart the service; this one records which keys changed (names
# only, never values) in changes.log.
set -eu
cat > /dev/null
echo "generation $TERWATCH_GENERATION: $TERWATCH_CHANGED" >> changes.log
