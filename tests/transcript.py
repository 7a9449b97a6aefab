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

Where tasks run in an order that timing decides, an expected file may be
Python instead (EXPECTED.py).  It defines EXPECTED, a list whose items are
lines as above or Interleave(task, task, ...): each task a list of lines
(and Many(line): that line any number of times, none included, there),
which the log must contain merged in any order that keeps each task's
own.  It may define check(lines), returning a list of problems, for what
the order cannot say (shares of time, say); lines are the log's from the
first expected line on.  The values are in the dict VALUES while it runs.
"""
import difflib, os, re, sys

def pattern(line, values):
    for name, value in values.items():
        line = line.replace("@%s@" % name, value)
    parts = re.split(r"(\{hex\}|\{int\}|\{any\})", line)
    rx = "".join({"{hex}": "(?:0|0x[0-9a-fA-F]+)", "{int}": "[0-9]+", "{any}": ".*?"}.get(p, re.escape(p))
                 for p in parts)
    return line, re.compile(rx + r"\Z")

class Many:
    """In a task's lines: this line, any number of times (none included)."""
    def __init__(self, line):
        self.line = line

class Interleave:
    """The lines of several tasks, merged in any order that keeps each task's own."""
    def __init__(self, *tasks):
        self.tasks = tasks

def compile_items(items, values):
    out = []
    for item in items:
        if isinstance(item, Interleave):
            out.append([[(isinstance(l, Many),) + pattern(l.line if isinstance(l, Many) else l, values)
                         for l in task] for task in item.tasks])
        else:
            out.append(pattern(item, values))
    return out

def step(task, q, line):
    """Where task stands after line, from position q; None if line does not continue it."""
    while q < len(task):
        many, _, rx = task[q]
        if rx.match(line):
            return q if many else q + 1
        if not many:
            return None
        q += 1
    return None

def merge(tasks, got, i):
    """Takes the lines of got from i on for as long as each continues some
    task; returns the index after them, and a complaint if a task is left
    unfinished."""
    pos = [0] * len(tasks)
    while i < len(got):
        for k, task in enumerate(tasks):
            after = step(task, pos[k], got[i])
            if after is not None:
                pos[k] = after
                break
        else:
            break
        i += 1
    wanted = [next((text for many, text, _ in task[pos[k]:] if not many), None)
              for k, task in enumerate(tasks)]
    if any(w is not None for w in wanted):
        return i, "no task's next line; the tasks expected " + ", ".join(
            "%d: %r" % (k + 1, w) if w is not None else "%d: nothing more" % (k + 1)
            for k, w in enumerate(wanted))
    return i, None

def load_python(path, values):
    """Runs an expected file written in Python; its names, in a dict.  It
    can read a sibling with open(os.path.join(HERE, name))."""
    env = {"Interleave": Interleave, "Many": Many, "VALUES": values, "HERE": os.path.dirname(path)}
    exec(compile(open(path, encoding="utf-8").read(), path, "exec"), env)
    return env

def judge_python(expected_path, got, values):
    env = load_python(expected_path, values)
    items = compile_items(env["EXPECTED"], values)
    i, problem = 0, None
    for item in items:
        if isinstance(item, list):
            i, problem = merge(item, got, i)
        elif i >= len(got) or not item[1].match(got[i]):
            problem = "expected %r" % item[0]
        else:
            i += 1
        if problem:
            break
    if not problem and i < len(got):
        problem = "expected the end of the transcript"
    if problem:
        print("transcript: line %d of the kernel's output does not fit %s:" % (i + 1, expected_path))
        for n in range(max(0, i - 3), min(len(got), i + 2)):
            print("%s %5d  %s" % (">" if n == i else " ", n + 1, got[n]))
        if i >= len(got):
            print(">   end  (the output ends here)")
        print("  " + problem)
        return 1
    problems = env["check"](got) if "check" in env else []
    for p in problems:
        print("transcript: " + p)
    return 1 if problems else 0

def first_line_rx(expected_path, values):
    if expected_path.endswith(".py"):
        return pattern(load_python(expected_path, values)["EXPECTED"][0], values)
    return pattern(open(expected_path, encoding="utf-8").read().splitlines()[0], values)

def main():
    expected_path, log_path = sys.argv[1], sys.argv[2]
    values = dict(a.split("=", 1) for a in sys.argv[3:])
    raw = open(log_path, "rb").read().decode("utf-8", errors="replace")
    log = raw.replace("\r", "").split("\n")
    while log and log[-1] == "":
        log.pop()
    first_text, first_rx = first_line_rx(expected_path, values)
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
    if expected_path.endswith(".py"):
        return judge_python(expected_path, got, values)
    expected = [pattern(l, values) for l in open(expected_path, encoding="utf-8").read().splitlines()]
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
