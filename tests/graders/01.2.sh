# Exercise 1.2, %b: the grader's own program (root tests/grade/01.2.c of
# the chapter) is compiled on the host with the answer's kernel/kprintf.c,
# under ASan and UBSan, and prints a GOOD or BAD line per format.
. tests/graders/lib.sh
out=$logs/01.2
make -s tangle-one ARCH=riscv64 CH="$CH" EXTRA="$ANSWER" > "$out.build" 2>&1 || {
    bad "the chapter does not tangle with $ANSWER:"; sed 's/^/           /' "$out.build" | head; exit 0; }
src=$(make -s outdir ARCH=riscv64 CH="$CH" EXTRA="$ANSWER")/src
if ! tests/host.sh "$src" "$out" tests/grade/01.2.c kernel/kprintf.c > "$out.build" 2>&1; then
    bad "kprintf.c does not compile with $ANSWER:"; sed 's/^/           /' "$out.build" | head -n 15; exit 0
fi
"$out" > "$out.txt" 2>&1
program_lines "$out.txt"
