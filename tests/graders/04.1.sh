# Exercise 4.1, counting the context switches: on each machine, with the
# grader's own test code (tests/graders/04.1.nw: three more tasks after the
# answer's line, which make four more switches), the crate's lines, then
# "context switches: 2", then the grader's reading of task_switches, 2 then
# 6; and the pass status.
. tests/graders/lib.sh
GRADER_NW=tests/graders/04.1.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    status_is 0
    python3 - "$out" "$arch" <<'PY'
import re, sys
out, arch = sys.argv[1], sys.argv[2]
lines = open(out, errors="replace").read().split("\n")
def say(ok, what): print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
crate = ["Multi-task is starting ...", "Spawned-thread is running ...",
         "Got pflash magic: PFLA", "Multi-task OK!"]
at = [lines.index(l) if l in lines else -1 for l in crate]
say(-1 not in at and at == sorted(at), "the crate's lines, in order")
count = [i for i, l in enumerate(lines) if l == "context switches: 2"]
other = [l for l in lines if l.startswith("context switches:") and l != "context switches: 2"]
if count and at[-1] != -1 and count[0] > at[-1]:
    say(True, '"context switches: 2" after "Multi-task OK!"')
elif other:
    say(False, 'the app makes 2 switches, not "%s" (see %s)' % (other[0], out))
else:
    say(False, 'no line "context switches: 2" after "Multi-task OK!" (see %s)' % out)
m = [re.match(r"grader: task_switches went from (\d+) to (\d+) with three more tasks$", l) for l in lines]
m = [x for x in m if x]
if not m:
    say(False, "the grader's three more tasks did not end (see %s)" % out)
else:
    a, b = int(m[0].group(1)), int(m[0].group(2))
    say(a == 2 and b == 6, "task_switches counts the grader's tasks too: %d then %d (2 then 6 expected)" % (a, b))
PY
done
