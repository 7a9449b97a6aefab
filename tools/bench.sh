#!/bin/sh
# tools/bench.sh [ARCH...]: `make bench`.  Builds chapter 5's benchmark app
# (app/05-msgqueue-bench.c) for each machine, boots it under QEMU with
# -icount shift=0 (one instruction = one nanosecond of virtual time, so the
# guest's counter measures instructions, the same on every run and host),
# and prints its "bench:" lines, prefixed with the machine.
set -u
cd "$(dirname "$0")/.."
ch=05-msgqueue app=05-msgqueue-bench
[ $# -gt 0 ] || set -- riscv64 aarch64 x86_64 loongarch64
for arch in "$@"; do
    make -s build ARCH="$arch" CH=$ch APP=$app > /dev/null || exit 1
    cmd=$(make -s qemu-cmd ARCH="$arch" CH=$ch APP=$app) || exit 1
    out=build/$arch/$ch+$app/bench.txt
    timeout -s KILL "${LOOM_BENCH_TIMEOUT:-300}" $cmd -icount shift=0 < /dev/null > "$out" 2>&1
    rc=$?
    if [ $rc -ne 0 ] || ! grep -q '^bench: ' "$out"; then
        echo "bench: $arch failed (QEMU status $rc); its output is in $out" >&2
        tail -n 5 "$out" >&2
        exit 1
    fi
    tr -d '\r' < "$out" | sed -n "s/^bench: /$arch  /p"
done
