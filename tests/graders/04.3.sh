# Exercise 4.3, detached tasks.  On each machine, with the grader's own test
# code (tests/graders/04.3.nw: a thousand rounds of each of three ways to
# detach, and a check before every switch that the task switched away from
# is not freed yet): the pass status, and for each way, every detached task
# ran, was freed by the time main looked, and no pages were lost.  Then on
# riscv64 alone (the code is portable), tests/graders/04.3-join.nw: joining
# a detached task must end in a panic naming it (its name ends with the
# grade's nonce).
. tests/graders/lib.sh
check_rounds() {
    python3 - "$out" "$arch" <<'PY'
import re, sys
out, arch = sys.argv[1], sys.argv[2]
text = open(out, errors="replace").read()
def say(ok, what): print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
m = re.search(r"^panic at [^:]*:\d+: grader: .*$", text, re.M)
if m:
    say(False, m.group(0)[m.group(0).index("grader:"):])
for how, ran in (("freed on a first run", 2000), ("freed after a switch", 1000), ("after their exit", 1000)):
    m = re.search(r"^grader: detached, %s: (-?\d+) ran, (-?\d+) not freed in time, (-?\d+) pages lost$" % how, text, re.M)
    if not m:
        say(False, 'detached %s: the rounds did not end (see %s)' % (how, out))
        continue
    r, late, lost = map(int, m.groups())
    say(r == ran and late == 0 and lost == 0,
        "detached %s: %d ran (%d expected), %d not freed in time, %d pages lost" % (how, r, ran, late, lost))
PY
}
for arch in $ARCHES; do
    GRADER_NW=tests/graders/04.3.nw
    boot "$arch" || continue
    status_is 0
    check_rounds
done
case " $ARCHES " in *" riscv64 "*) ;; *) exit 0 ;; esac
arch=riscv64 EX=$EX-join GRADER_NW=tests/graders/04.3-join.nw
boot "$arch" || exit 0
panics_after "joining a detached task" 'joining a detached task' \
    'the join returned' "task [0-9]+ \\(grader detached $GRADER_NONCE\\)"
