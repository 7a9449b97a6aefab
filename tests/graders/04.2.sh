# Exercise 4.2, a stack's high-water mark: on each machine, with the
# grader's own test code (tests/graders/04.2.nw: after the app, a shallow
# task, then a deep one whose one extra frame holds a 6144-byte buffer),
# the pass status, the line for task 2 (child) with a plausible N, and the
# deep task measured at least 6000 bytes deeper than the shallow one.
. tests/graders/lib.sh
GRADER_NW=tests/graders/04.2.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    status_is 0
    python3 - "$out" "$arch" "$GRADER_NONCE" <<'PY'
import re, sys
out, arch, nonce = sys.argv[1], sys.argv[2], sys.argv[3]
text = open(out, errors="replace").read()
def say(ok, what): print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
used = {}
for m in re.finditer(r"^task (\d+) \((.*)\) used (\d+) bytes of its 16384-byte stack$", text, re.M):
    used[(int(m.group(1)), m.group(2))] = int(m.group(3))
child = used.get((2, "child"))
if child is None:
    say(False, 'no line "task 2 (child) used N bytes of its 16384-byte stack" (see %s)' % out)
else:
    say(100 < child < 16384, "the child used %d bytes (more than 100 and less than 16384 expected)" % child)
if "grader: both tasks joined" not in text:
    say(False, "the grader's two tasks did not end (see %s)" % out)
    sys.exit()
shallow = [n for (i, name), n in used.items() if name == "grader shallow " + nonce]
deep = [n for (i, name), n in used.items() if name == "grader deep " + nonce]
if not shallow or not deep:
    say(False, 'no "used N bytes" line for the grader\'s tasks "grader shallow %s" and "grader deep %s" (see %s)'
        % (nonce, nonce, out))
else:
    s, d = shallow[0], deep[0]
    say(100 < s < 16384 and 6000 <= d - s <= 8192,
        "a 6144-byte buffer in one more frame: %d bytes, then %d (%+d; 6000 to 8192 more expected)" % (s, d, d - s))
PY
done
