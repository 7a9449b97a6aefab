# Exercise 5.1, a trylock: the grader's host program (root
# tests/grade/05.1.c of the chapter) with the answer's spinlock.c, under
# ThreadSanitizer.  A race report, a crash or a hang is a BAD line too.
. tests/graders/lib.sh
out=$logs/05.1
make -s tangle-one ARCH=riscv64 CH="$CH" EXTRA="$ANSWER" > "$out.build" 2>&1 || {
    bad "the chapter does not tangle with $ANSWER:"; sed 's/^/           /' "$out.build" | head; exit 0; }
src=$(make -s outdir ARCH=riscv64 CH="$CH" EXTRA="$ANSWER")/src
if ! tests/host.sh "$src" "$out" tests/grade/05.1.c kernel/spinlock.c > "$out.build" 2>&1; then
    bad "spinlock.c does not compile or link with the grader:"; sed 's/^/           /' "$out.build" | head -n 15; exit 0
fi
timeout 60 "$out" > "$out.txt" 2>&1
rc=$?
program_lines "$out.txt"
if [ $rc -eq 124 ]; then
    bad "the grader's program did not finish within 60 s (see $out.txt)"
elif ! grep -qxF "grader $GRADER_NONCE: the end" "$out.txt"; then
    :                                   # program_lines said so
elif grep -q 'WARNING: ThreadSanitizer' "$out.txt"; then
    bad "ThreadSanitizer reports a data race (all of it in $out.txt):"
    grep -m1 -A8 'WARNING: ThreadSanitizer' "$out.txt" | sed 's/^/           /'
elif [ $rc -ne 0 ]; then
    bad "the grader's program ended with status $rc (see $out.txt):"; tail -n 8 "$out.txt" | sed 's/^/           /'
else
    good "ThreadSanitizer saw no data race"
fi
