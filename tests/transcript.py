#!/usr/bin/env python3
"""tests/transcript.py EXPECTED LOG [NAME=VALUE...]

Judges a kernel's console transcript against an expected one.

The expected file is the transcript as the crate series prints it, with
  @NAME@   replaced by the VALUE given on the command line (@ARCH@,
           @PLATFORM@, @CH@, and whatever a chapter needs), and
  {hex}    standing for one number in C's %#x form (0 or 0x...),
  {int}    standing for one unsigned decimal number,
  {any}    standing for any text on the rest of that stretch of the line.
Firmware talks before the kernel (OpenSBI's banner, SeaBIOS's escapes), so
the transcript starts at the first line that matches the expected first
line; from there every line must match, in order, to the end of the log
(trailing blank lines aside).  On a mismatch it prints a diff and exits 1.
"""
import difflib, re, sys

def pattern(line, values):
    for name, value in values.items():
        line = line.replace("@%s@" % name, value)
    parts = re.split(r"(\{hex\}|\{int\}|\{any\})", line)
    rx = "".join({"{hex}": "(?:0|0x[0-9a-fA-F]+)", "{int}": "[0-9]+", "{any}": ".*?"}.get(p, re.escape(p))
                 for p in parts)
    return line, re.compile(rx + r"\Z")

def main():
    expected_path, log_path = sys.argv[1], sys.argv[2]
    values = dict(a.split("=", 1) for a in sys.argv[3:])
    expected = [pattern(l, values) for l in open(expected_path, encoding="utf-8").read().splitlines()]
    raw = open(log_path, "rb").read().decode("utf-8", errors="replace")
    log = raw.replace("\r", "").split("\n")
    while log and log[-1] == "":
        log.pop()
    first_text, first_rx = expected[0]
    start = None
    for i, line in enumerate(log):
        # the kernel's first line may follow firmware output that ended without a newline
        for cut in range(len(line) + 1):
            if first_rx.match(line[cut:]):
                start, log[i] = i, line[cut:]
                break
        if start is not None:
            break
    if start is None:
        print("transcript: the expected first line %r never appears in %s" % (first_text, log_path))
        return 1
    got = log[start:]
    ok = len(got) == len(expected) and all(rx.match(g) for (_, rx), g in zip(expected, got))
    if ok:
        return 0
    want = [t for t, _ in expected]
    # lines that matched a pattern are shown as the pattern, so the diff shows only real differences
    shown = [want[i] if i < len(want) and expected[i][1].match(g) else g for i, g in enumerate(got)]
    sys.stdout.writelines(difflib.unified_diff([w + "\n" for w in want], [s + "\n" for s in shown],
                                               "expected " + expected_path, "got " + log_path))
    return 1

if __name__ == "__main__":
    sys.exit(main())
