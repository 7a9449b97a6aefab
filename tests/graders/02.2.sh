# Exercise 2.2, the ring deque: the grader's program (root tests/grade/02.2.c
# of the chapter) with the answer's kernel/deque.c and the heap, on the host.
. tests/graders/lib.sh
out=$logs/02.2
make -s tangle-one ARCH=riscv64 CH="$CH" EXTRA="$ANSWER" > "$out.build" 2>&1 || {
    bad "the chapter does not tangle with $ANSWER:"; sed 's/^/           /' "$out.build" | head; exit 0; }
src=$(make -s outdir ARCH=riscv64 CH="$CH" EXTRA="$ANSWER")/src
[ -f "$src/kernel/deque.c" ] || { echo "MISSING  a root <<kernel/deque.c>> in $ANSWER"; exit 0; }
if ! tests/host.sh "$src" "$out" tests/grade/02.2.c kernel/deque.c > "$out.build" 2>&1; then
    bad "kernel/deque.c does not compile or link:"; sed 's/^/           /' "$out.build" | head -n 15; exit 0
fi
"$out" > "$out.txt" 2>&1
program_lines "$out.txt" | head -n 40
