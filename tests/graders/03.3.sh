# Exercise 3.3, splitting blocks: the grader's host program (root
# tests/grade/03.3.c of the chapter) with the answer's page-table builder.
. tests/graders/lib.sh
out=$logs/03.3
make -s tangle-one ARCH=riscv64 CH="$CH" EXTRA="$ANSWER" > "$out.build" 2>&1 || {
    bad "the chapter does not tangle with $ANSWER:"; sed 's/^/           /' "$out.build" | head; exit 0; }
src=$(make -s outdir ARCH=riscv64 CH="$CH" EXTRA="$ANSWER")/src
if ! tests/host.sh "$src" "$out" tests/grade/03.3.c > "$out.build" 2>&1; then
    bad "pagetable.c does not compile or link with the grader:"; sed 's/^/           /' "$out.build" | head -n 15; exit 0
fi
"$out" > "$out.txt" 2>&1
program_lines "$out.txt" | head -n 40
