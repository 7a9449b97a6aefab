#!/bin/sh
# tests/run.sh: the test suite behind `make test`.  Each test prints one
# line, PASS or FAIL and its name; a failure is followed by what went wrong
# (a diff, a compiler error).  The last line is "N passed, N failed"; the
# exit status is 0 only if nothing failed.  Logs stay in build/test-logs/.
#
#   tests/run.sh [ONLY]     ONLY: a substring of test names to run
set -u
cd "$(dirname "$0")/.."
only=${1:-}
logs=build/test-logs
mkdir -p "$logs"
ARCHES="riscv64 aarch64 x86_64 loongarch64"
CHAPTERS=$(for f in chapters/[0-9][0-9]-*.nw; do basename "$f" .nw; done)
LAST=$(echo "$CHAPTERS" | tail -n 1)
TIMEOUT=${LOOM_TEST_TIMEOUT:-60}
passed=0 failed=0

# run NAME COMMAND...: one test; its output is shown only if it fails
run() {
    name=$1; shift
    case $name in *"$only"*) ;; *) return 0 ;; esac
    log="$logs/$(echo "$name" | tr ' /:' '___').log"
    if "$@" > "$log" 2>&1; then
        passed=$((passed + 1)); echo "PASS  $name"
    else
        failed=$((failed + 1)); echo "FAIL  $name"; sed 's/^/      /' "$log" | tail -n 40
    fi
}

# kernel ARCH CH EXPECTED STATUS [EXTRA.nw] [PFLASH]: build, boot under a
# timeout, judge the exit status and the whole transcript.
kernel() {
    arch=$1 ch=$2 expected=$3 status=$4 extra=${5:-} flash=${6:+PFLASH=$6}
    make -s build ARCH="$arch" CH="$ch" EXTRA="$extra" >/dev/null || return 1
    cmd=$(make -s qemu-cmd ARCH="$arch" CH="$ch" EXTRA="$extra" SMP="${SMP:-1}" $flash) || return 1
    vars=$(make -s vars ARCH="$arch" CH="$ch" EXTRA="$extra") || return 1
    out="$logs/qemu-$arch-$(basename "$expected" .txt).txt"
    echo "$cmd"
    timeout "$TIMEOUT" $cmd < /dev/null > "$out" 2>&1
    rc=$?
    [ $rc -eq 124 ] && { echo "timed out after ${TIMEOUT}s; transcript in $out"; tail -n 20 "$out"; return 1; }
    python3 tests/transcript.py "$expected" "$out" $vars || { echo "(transcript in $out)"; return 1; }
    [ $rc -eq "$status" ] || { echo "QEMU exited with status $rc, expected $status (transcript in $out)"; return 1; }
}

# host TEST: a host unit test, tangled as tests/host/NAME.c, compiled with
# the portable kernel/NAME.c it tests (and the files its first line names
# after "links:"), under ASan and UBSan, or under TSan if that line says
# "sanitize: thread".
host() {
    src=build/riscv64/$LAST/src
    t=$1 bin=build/host/$1
    mkdir -p build/host
    links=$(grep -m1 -o 'links:[^*;]*' "$src/tests/host/$t.c" | sed 's/^links://')
    sanitize=address,undefined
    grep -q -m1 'sanitize: thread' "$src/tests/host/$t.c" && sanitize=thread
    clang-19 -std=gnu11 -g -O1 -Wall -Wextra -Werror -fsanitize=$sanitize -pthread \
        -fno-sanitize-recover=all -fno-omit-frame-pointer -I"$src" \
        -DLOOM_CHAPTER='"host"' -o "$bin" "$src/tests/host/$t.c" "$src/kernel/$t.c" \
        $(for l in $links; do echo "$src/$l"; done) || return 1
    "$bin"
}

# grader EX: the grader fails on the unsolved chapter (on riscv64: one
# machine is proof enough) and passes with the reference solution on all.
grader() {
    ex=$1
    nn=${ex%%.*}
    sol=$(ls tests/solutions/"$nn"-*.nw 2>/dev/null | head -n 1)
    [ -n "$sol" ] || { echo "no reference solution tests/solutions/$nn-*.nw"; return 1; }
    : > build/unsolved.nw
    if GRADE_ARCHES=riscv64 tests/grade.sh "$ex" build/unsolved.nw; then
        echo "grader $ex passed an unsolved chapter"; return 1
    fi
    tests/grade.sh "$ex" "$sol"
}

run "chunk graph (make check)" make -s check

# refused VAR=VALUE: make stops with status 2 and lists the valid values.
refused() {
    make -s build "$1" > "$logs/refused.txt" 2>&1
    rc=$?
    cat "$logs/refused.txt"
    [ $rc -eq 2 ] && grep -q "valid values: " "$logs/refused.txt"
}
run "make: an unknown ARCH is refused" refused ARCH=sparc64
run "make: an unknown CH is refused" refused CH=99-nosuchchapter

# QEMU's own device trees, for the host test of the device-tree reader.
dump_dtbs() {
    export LOOM_DTB_DIR=build/host/dtb
    mkdir -p "$LOOM_DTB_DIR"
    for n in 1 3 8; do
        qemu-system-riscv64 -machine virt,dumpdtb="$LOOM_DTB_DIR/riscv64-smp$n.dtb" -smp $n -m 128M -nographic &&
        qemu-system-aarch64 -machine virt,highmem=off,dumpdtb="$LOOM_DTB_DIR/aarch64-smp$n.dtb" -cpu cortex-a72 -smp $n -m 128M -nographic &&
        qemu-system-loongarch64 -machine virt,dumpdtb="$LOOM_DTB_DIR/loongarch64-smp$n.dtb" -smp $n -m 128M -nographic || return 1
    done > build/host/dtb.log 2>&1
}
dump_dtbs || echo "warning: QEMU could not dump its device trees (build/host/dtb.log)"

make -s tangle || { echo "FAIL  make tangle"; echo "0 passed, 1 failed"; exit 1; }
for f in build/riscv64/$LAST/src/tests/host/*.c; do
    [ -e "$f" ] || continue
    t=$(basename "$f" .c)
    run "host: $t" host "$t"
done

for ch in $CHAPTERS; do
    for arch in $ARCHES; do
        [ -f "tests/expected/$ch.txt" ] || continue
        run "qemu: $arch $ch" kernel "$arch" "$ch" "tests/expected/$ch.txt" 0
    done
done
for arch in $ARCHES; do
    SMP=2 run "qemu: $arch counts two processors" kernel "$arch" 01-helloworld \
        tests/expected/01-helloworld+smp2.txt 0
done
for arch in $ARCHES; do
    run "qemu: $arch unexpected trap" kernel "$arch" 01-helloworld \
        tests/expected/01-helloworld+trap.txt 1 tests/kernels/trap.nw
done

# debug ARCH: gdb, attached to QEMU's stub, stops at a line of the book.
debug() {
    arch=$1 port=$((20000 + $$ % 10000))
    line=$(grep -n 'kprintf("\\nLoom' chapters/01-helloworld.nw | cut -d: -f1)
    make -s build ARCH="$arch" CH=01 > /dev/null || return 1
    cmd=$(make -s qemu-cmd ARCH="$arch" CH=01)
    timeout 30 $cmd -S -gdb tcp::$port < /dev/null > "$logs/debug-qemu.txt" 2>&1 &
    sleep 0.3
    timeout 30 gdb-multiarch -batch -ex "target remote localhost:$port" \
        -ex "break chapters/01-helloworld.nw:$line" -ex continue -ex bt -ex kill \
        "$(make -s outdir ARCH="$arch" CH=01)/kernel.elf" > "$logs/debug-gdb.txt" 2>&1
    wait
    cat "$logs/debug-gdb.txt"
    grep -q "^#0 .*kernel_main .* at chapters/01-helloworld.nw:$line" "$logs/debug-gdb.txt"
}
# Debian 12's gdb-multiarch (13.1) has no LoongArch support: no test there.
for arch in riscv64 aarch64 x86_64; do
    run "debug: $arch gdb breaks at chapters/01-helloworld.nw:LINE" debug "$arch"
done

# The flash chapter: another magic is shown, a blank image fails, an image
# of the wrong size is refused before QEMU starts, an unmapped load faults.
flash() {   # flash ARCH MAGIC FILE: an image of the right size holding MAGIC
    size=$(make -s -f tools/kernel.mk ARCH="$1" CH=03-readpflash OUT=build/$1/03-readpflash print-flash-size)
    tools/mkflash.sh make "$3" "$size" "$2" $(make -s -f tools/kernel.mk ARCH="$1" CH=03-readpflash OUT=x print-flash-firmware)
}
wrong_size() {
    mkdir -p build/test-flash
    truncate -s 1M build/test-flash/wrong.img
    make -s qemu-cmd ARCH="$1" CH=03-readpflash PFLASH=build/test-flash/wrong.img > "$logs/wrong-size.txt" 2>&1
    rc=$?
    cat "$logs/wrong-size.txt"
    [ $rc -ne 0 ] && grep -q "needs exactly" "$logs/wrong-size.txt"
}
flash_kernel() {   # flash_kernel ARCH MAGIC NAME EXPECTED STATUS
    mkdir -p build/test-flash
    flash "$1" "$2" "build/test-flash/$3-$1.img" || return 1
    kernel "$1" 03-readpflash "$4" "$5" "" "build/test-flash/$3-$1.img"
}
if [ -f chapters/03-readpflash.nw ]; then
    for arch in $ARCHES; do
        run "qemu: $arch a blank flash fails" flash_kernel "$arch" "" blank \
            tests/expected/03-readpflash+blank.txt 1
        run "qemu: $arch another magic is shown" flash_kernel "$arch" LOOM loom \
            tests/expected/03-readpflash+loom.txt 0
        run "qemu: $arch an unmapped load faults" kernel "$arch" 03-readpflash \
            tests/expected/03-readpflash+unmapped.txt 1 tests/kernels/unmapped.nw
        run "make: $arch a flash image of the wrong size is refused" wrong_size "$arch"
    done
fi

# Tasks: a child whose stack overflows is caught in its guard page and named.
if [ -f chapters/04-childtask.nw ]; then
    for arch in $ARCHES; do
        run "qemu: $arch a task's stack overflow is caught" kernel "$arch" 04-childtask \
            tests/expected/04-childtask+overflow.txt 1 tests/kernels/overflow.nw
    done
fi

# make bench is a benchmark, not a test: here it only has to run and report
# its three figures on each machine.
bench_runs() {
    tools/bench.sh "$1" > "$logs/bench-$1.txt" || return 1
    cat "$logs/bench-$1.txt"
    [ "$(grep -c "^$1  .*: [0-9]*\.[0-9][0-9] instructions\$" "$logs/bench-$1.txt")" -eq 3 ]
}
if [ -f chapters/05-msgqueue.nw ]; then
    for arch in $ARCHES; do
        run "bench: make bench runs on $arch" bench_runs "$arch"
    done
fi

run "book (make book, links)" make -s book
run "book as EPUB (make epub, links)" make -s epub

[ -d tests/solutions ] || echo "note: no tests/solutions/ (a handout tree): graders are not proven"
for g in tests/graders/[0-9][0-9].*.sh; do
    [ -e "$g" ] && [ -d tests/solutions ] || continue
    ex=$(basename "$g" .sh)
    run "grader $ex" grader "$ex"
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
