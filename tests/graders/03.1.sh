# Exercise 3.1, the walk: levels from the root down, each index the
# address's field, ending in "maps <flash VA> to <flash PA>", and the
# pass status.
. tests/graders/lib.sh
for arch in $ARCHES; do
    boot "$arch" || continue
    status_is 0
    eval "$(make -s vars ARCH="$arch" CH="$CH" EXTRA="$ANSWER" | tr ' ' '\n' | grep '^PFLASH_')"
    top=3; [ "$arch" = riscv64 ] && top=2
    python3 - "$out" "$arch" "$PFLASH_VA" "$PFLASH_PA" "$top" <<'PY'
import re, sys
out, arch, va, pa, top = sys.argv[1], sys.argv[2], int(sys.argv[3], 16), int(sys.argv[4], 16), int(sys.argv[5])
text = open(out, errors="replace").read()
levels = [(int(l), int(i)) for l, i in re.findall(r"^level ([0-9]+): index ([0-9]+), entry 0x[0-9a-fA-F]+$", text, re.M)]
m = re.search(r"^maps (0x[0-9a-fA-F]+) to (0x[0-9a-fA-F]+)$", text, re.M)
def say(ok, what): print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
if not levels:
    say(False, 'no lines "level L: index I, entry 0x..." (see %s)' % out); sys.exit()
say([l for l, _ in levels] == list(range(top, top - len(levels), -1)), "levels count down from %d: %s" % (top, [l for l, _ in levels]))
say(all(i == (va >> (12 + 9 * l)) & 511 for l, i in levels), "each index is the address's field")
say(m is not None and int(m.group(1), 16) == va and int(m.group(2), 16) == pa, "maps %#x to %#x" % (va, pa))
PY
done
