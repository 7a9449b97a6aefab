#!/bin/sh
# tools/bench.sh [ARCH...]: `make bench`.  Every chapter that has a root
# <<app/NN-name-bench.c>> has a benchmark app: this builds it for each
# machine, boots it under QEMU with -icount shift=0 (one instruction = one
# nanosecond of virtual time, so the guest's counter measures instructions,
# the same on every run and host), and prints its "bench:" lines, prefixed
# with the machine.  BENCH_CHAPTERS="05-msgqueue ..." narrows the chapters.
set -u
cd "$(dirname "$0")/.."
chapters=${BENCH_CHAPTERS:-$(for f in chapters/[0-9][0-9]-*.nw; do
    c=$(basename "$f" .nw)
    grep -q "^<<app/$c-bench.c>>=" "$f" && echo "$c"
done)}
[ $# -gt 0 ] || set -- riscv64 aarch64 x86_64 loongarch64
for ch in $chapters; do
    app=$ch-bench
    for arch in "$@"; do
        make -s build ARCH="$arch" CH=$ch APP=$app > /dev/null || exit 1
        cmd=$(make -s qemu-cmd ARCH="$arch" CH=$ch APP=$app) || exit 1
        out=build/$arch/$ch+$app/bench.txt
        timeout -s KILL "${LOOM_BENCH_TIMEOUT:-300}" $cmd -icount shift=0 < /dev/null > "$out" 2>&1
        rc=$?
        pass=$(make -s vars ARCH="$arch" CH=$ch APP=$app | tr ' ' '\n' | sed -n 's/^PASS_STATUS=//p')
        if [ $rc -ne "$pass" ] || ! grep -q '^bench: ' "$out"; then
            echo "bench: $arch $ch failed (QEMU status $rc, the pass is $pass); its output is in $out" >&2
            tail -n 5 "$out" >&2
            exit 1
        fi
        tr -d '\r' < "$out" | sed -n "s/^bench: /$arch  /p"
    done
done
