#!/usr/bin/env python3
"""Writes the deterministic .env corpora of the parse throughput benchmark.

Usage: make_corpus.py OUTDIR

For each size (about 150, 5,000 and 50,000 lines) it writes two files:
  OUTDIR/env-<lines>.full.env    every construct, heredocs included (terwatch only)
  OUTDIR/env-<lines>.common.env  the same mix without heredocs, which godotenv
                                 and python-dotenv also read (the compared bytes)

The mix: plain KEY=value, single- and double-quoted values, double-quoted values
with \\n, \\" and \\\\ escapes, comment lines and trailing " # comments", export
prefixes, ${VAR} and ${VAR:-default} references to earlier keys, PEM-like
multi-line double-quoted values and, in the full variant, heredocs.
Every key is defined once; OUTDIR/keys.txt lists each file's number of keys
("NAME COUNT" lines), which every parser must report. The output depends only
on the seed below.
"""

import random
import sys
from pathlib import Path

SEED = 20261121
SIZES = (150, 5_000, 50_000)

SERVICES = ["api", "auth", "billing", "cache", "search", "mailer", "worker", "gateway",
            "ledger", "media", "notify", "report", "sched", "session", "upload"]
FIELDS = ["HOST", "PORT", "USER", "TIMEOUT_MS", "LOG_LEVEL", "REGION", "POOL_SIZE",
          "ENABLED", "PATH", "BUCKET", "QUEUE", "REPLICAS", "RETRIES", "MODE", "ZONE"]
WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel",
         "india", "juliet", "kilo", "lima", "mike", "november", "oscar", "papa"]
COMMENTS = ["temporary until the migration lands", "see the runbook", "owned by the platform team",
            "rotate every 90 days", "do not commit real values", "staging only", "TODO: remove"]
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"


class Corpus:
    """Builds one file's lines; keys are unique and references point backwards."""

    def __init__(self, seed, heredocs):
        self.random = random.Random(seed)
        self.heredocs = heredocs
        self.lines = []
        self.keys = []          # keys with a plain single-line value, safe to reference
        self.counter = 0        # keys defined so far, each once

    def new_key(self, field):
        self.counter += 1
        return f"{self.random.choice(SERVICES).upper()}_{self.counter}_{field}"

    def word(self):
        return self.random.choice(WORDS)

    def token(self, length):
        return "".join(self.random.choice(B64[:62]) for _ in range(length))

    def plain_value(self):
        """A field name and a value that suits it."""
        kind = self.random.randrange(6)
        if kind == 0:
            return "HOST", f"{self.word()}-{self.random.randrange(1, 99)}.internal.example.com"
        if kind == 1:
            return self.random.choice(["PORT", "TIMEOUT_MS", "POOL_SIZE"]), str(self.random.randrange(1, 65535))
        if kind == 2:
            return self.random.choice(["ENABLED", "LOG_LEVEL", "MODE"]), \
                self.random.choice(["true", "false", "on", "off", "debug", "info", "warn"])
        if kind == 3:
            return "DATA_PATH", f"/var/lib/{self.word()}/{self.word()}/data.db"
        if kind == 4:
            return "URL", f"https://{self.word()}.example.com/v{self.random.randrange(1, 4)}/{self.word()}?q=1#top"
        return self.random.choice(["API_KEY", "TOKEN", "CLIENT_ID"]), self.token(self.random.randrange(16, 41))

    def reference(self):
        name = self.random.choice(self.keys)
        if self.random.randrange(3) == 0:
            return "${" + name + ":-" + self.word() + "}"
        return "${" + name + "}"

    def export(self):
        return "export " if self.random.randrange(8) == 0 else ""

    def trailing_comment(self):
        return "  # " + self.random.choice(COMMENTS) if self.random.randrange(6) == 0 else ""

    def add_plain(self):
        field, value = self.plain_value()
        key = self.new_key(field)
        self.lines.append(f"{self.export()}{key}={value}{self.trailing_comment()}")
        self.keys.append(key)

    def add_single_quoted(self):
        key = self.new_key("MOTD")
        value = f"{self.word()} {self.word()} {self.plain_value()[1]} #not-a-comment"
        self.lines.append(f"{self.export()}{key}='{value}'{self.trailing_comment()}")

    def add_double_quoted(self):
        field, value = self.plain_value()
        key = self.new_key(field)
        value = f"{self.word()} {value} {self.word()}"
        self.lines.append(f'{self.export()}{key}="{value}"{self.trailing_comment()}')
        self.keys.append(key)

    def add_escaped(self):
        key = self.new_key("BANNER")
        pieces = [self.word(), r"\n", r"say \"" + self.word() + r"\"", r"C:\\" + self.word() + r"\\bin",
                  r"tab\tend", self.word()]
        self.lines.append(f'{key}="{" ".join(pieces)}"{self.trailing_comment()}')

    def add_reference(self):
        key = self.new_key("DATABASE_URL")
        shape = self.random.randrange(3)
        if shape == 0:
            value = f"postgres://{self.word()}:{self.token(12)}@{self.reference()}:5432/{self.word()}"
            self.lines.append(f"{self.export()}{key}={value}")
        elif shape == 1:
            self.lines.append(f'{key}="{self.reference()}/{self.word()} {self.reference()}"')
        else:
            self.lines.append(f"{key}={self.reference()}{self.trailing_comment()}")
        self.keys.append(key)

    def add_comment(self):
        if self.random.randrange(3) == 0:
            self.lines.append("")
        self.lines.append(f"# {self.random.choice(COMMENTS)}")

    def pem_body(self):
        rows = self.random.randrange(4, 12)
        body = [self.token(64) for _ in range(rows - 1)] + [self.token(self.random.randrange(8, 64)) + "=="]
        return ["-----BEGIN PRIVATE KEY-----"] + body + ["-----END PRIVATE KEY-----"]

    def add_pem(self):
        key = self.new_key("TLS_KEY")
        body = self.pem_body()
        body[0] = f'{key}="{body[0]}'
        body[-1] = body[-1] + '"'
        self.lines.extend(body)

    def add_heredoc(self):
        key = self.new_key("CONFIG")
        if self.random.randrange(2) == 0:
            self.lines.append(f"{key}=<<EOF")
            self.lines.extend(["{", f'  "host": "{self.reference()}",',
                               f'  "name": "{self.word()}",', f'  "retries": {self.random.randrange(9)}', "}"])
            self.lines.append("EOF")
        else:
            self.lines.append(f"{key}=<<'PEM'")
            self.lines.extend(self.pem_body())
            self.lines.append("PEM")

    def build(self, target_lines):
        for _ in range(3):
            self.add_plain()
        kinds = [(self.add_plain, 30), (self.add_single_quoted, 10), (self.add_double_quoted, 12),
                 (self.add_escaped, 6), (self.add_reference, 18), (self.add_comment, 14),
                 (self.add_pem, 2)]
        if self.heredocs:
            kinds.append((self.add_heredoc, 2))
        actions = [action for action, _ in kinds]
        weights = [weight for _, weight in kinds]
        while len(self.lines) < target_lines:
            self.random.choices(actions, weights)[0]()
        return "\n".join(self.lines) + "\n"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: make_corpus.py OUTDIR")
    outdir = Path(sys.argv[1])
    outdir.mkdir(parents=True, exist_ok=True)
    manifest = []
    for lines in SIZES:
        for variant, heredocs in (("full", True), ("common", False)):
            corpus = Corpus(SEED + lines, heredocs)
            name = f"env-{lines}.{variant}.env"
            (outdir / name).write_text(corpus.build(lines), encoding="utf-8")
            manifest.append(f"{name} {corpus.counter}\n")
    (outdir / "keys.txt").write_text("".join(manifest), encoding="utf-8")


if __name__ == "__main__":
    main()
