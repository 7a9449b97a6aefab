# Exercise 3.1, the walk: levels from the root down, each index the
# address's field, ending in "maps <VA> to <PA>": for the flash's address
# (the answer's own call), then for an address of RAM drawn for this grade
# (the grader's call, tests/graders/03.1.nw); and the pass status.
. tests/graders/lib.sh
GRADER_NW=tests/graders/03.1.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    status_is 0
    eval "$(vars | tr ' ' '\n' | grep '^PFLASH_')"
    top=3; [ "$arch" = riscv64 ] && top=2
    python3 - "$out" "$arch" "$PFLASH_VA" "$PFLASH_PA" "$top" <<'PY'
import re, sys
out, arch, va, pa, top = sys.argv[1], sys.argv[2], int(sys.argv[3], 16), int(sys.argv[4], 16), int(sys.argv[5])
text = open(out, errors="replace").read()
def say(ok, what): print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
def judge(text, va, pa, what):
    levels = [(int(l), int(i)) for l, i in re.findall(r"^level ([0-9]+): index ([0-9]+), entry 0x[0-9a-fA-F]+$", text, re.M)]
    m = re.search(r"^maps (0x[0-9a-fA-F]+) to (0x[0-9a-fA-F]+)$", text, re.M)
    if not levels:
        say(False, '%s: no lines "level L: index I, entry 0x..." (see %s)' % (what, out))
        return
    say([l for l, _ in levels] == list(range(top, top - len(levels), -1)),
        "%s: levels count down from %d: %s" % (what, top, [l for l, _ in levels]))
    say(all(i == (va >> (12 + 9 * l)) & 511 for l, i in levels), "%s: each index is the address's field" % what)
    say(m is not None and int(m.group(1), 16) == va and int(m.group(2), 16) == pa, "%s: maps %#x to %#x" % (what, va, pa))
# The answer's walk of the flash comes before the grader's first line.
mine = re.search(r"^grader: the walk of (0x[0-9a-f]+), which leads to (0x[0-9a-f]+)\n(.*?)^grader: the walk ends$", text, re.M | re.S)
judge(text[:mine.start()] if mine else text, va, pa, "the flash")
if not mine:
    say(False, "the grader's walk of an address of its own did not end (see %s)" % out)
else:
    judge(mine.group(3), int(mine.group(1), 16), int(mine.group(2), 16), "RAM at %s" % mine.group(1))
PY
done
