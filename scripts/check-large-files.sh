#!/usr/bin/env bash
# Times `terwatch check` (release build) on large and adversarial files, to show the
# cost stays linear: a 1.6 MB and a 21 MB realistic file, a 1 MB file made of one
# heredoc, one deeply nested expansion, and one line of 250,000 references.
# Usage: scripts/check-large-files.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh python3
terwatch=$(scripts/build-release.sh)
work=".bench/large"
mkdir -p "$work"

python3 - "$work" <<'PY'
import random, sys
out = sys.argv[1]
rng = random.Random(7)
def realistic(lines):
    parts = []
    for i in range(lines):
        kind = i % 6
        if kind == 0: parts.append(f"# section {i}\n")
        elif kind == 1: parts.append(f"HOST_{i}=host-{rng.randrange(99)}.internal.example.com\n")
        elif kind == 2: parts.append(f"export PORT_{i}={rng.randrange(1024, 65535)}\n")
        elif kind == 3: parts.append(f"URL_{i}=\"postgres://${{HOST_{i-2}}}:${{PORT_{i-1}:-5432}}/db\"\n")
        elif kind == 4: parts.append(f"BANNER_{i}='hello #{i} $not expanded'  # note\n")
        else: parts.append(f"LIST_{i}=\"a\\tb\\nc ${{MISSING_{i}:-fallback}}\"\n")
    return "".join(parts)
open(f"{out}/lines-40k.env", "w").write(realistic(40_000))
open(f"{out}/lines-520k.env", "w").write(realistic(520_000))
body = "".join(f"line {i} of the body, ${{HOST:-h}} and more text here\n" for i in range(18_000))
open(f"{out}/heredoc.env", "w").write("BIG=<<EOF\n" + body[:1_000_000 - 20] + "\nEOF\n")
open(f"{out}/nested.env", "w").write("DEEP=" + "${X:-" * 200_000 + "x" + "}" * 200_000 + "\n")
open(f"{out}/references.env", "w").write("A=a\nWIDE=" + "${A}" * 250_000 + "\n")
PY

limits=(--max-file-size 64M --max-keys 1000000 --max-value-size 4M)
printf '| file | bytes | seconds | status |\n|---|---|---|---|\n'
for name in lines-40k lines-520k heredoc nested references; do
    file="$work/$name.env"
    start=$(date +%s.%N)
    status=0
    "$terwatch" check -q "${limits[@]}" "$file" >/dev/null 2>"$work/$name.stderr" || status=$?
    end=$(date +%s.%N)
    printf '| %s | %s | %.3f | %s |\n' "$name.env" "$(stat -c %s "$file")" "$(echo "$end - $start" | bc)" "$status"
done
