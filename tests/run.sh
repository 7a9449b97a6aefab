#!/bin/sh
# tests/run.sh: the test suite behind `make test`.  Each test prints one
# line, PASS or FAIL and its name; a failure is followed by what went wrong
# (a diff, a compiler error).  The last line is "N passed, N failed"; the
# exit status is 0 only if nothing failed.  Logs stay in build/test-logs/.
#
#   tests/run.sh [ONLY]     ONLY: a substring of test names to run
#
# First, one after the other, the tests everything else relies on (the
# chunk checker, the tangle, the host tests).  Then *streams*, run side by
# side, LOOM_TEST_JOBS at a time (default: one per processor): one per
# machine (its kernels, debugger, flash, overflow and benchmark tests), one
# per chapter's graders, and the book.  No two streams write the same file
# under build/: a machine's stream builds only in build/ARCH/, with the
# chapters' own apps and the test kernels; a chapter's graders build only
# kernels with an answer (build/ARCH/CH+answer...); the book only reads the
# trees the first part tangled.  Each line is printed as its test ends, so
# the streams' lines interleave; the count at the end is over all.
#   tests/run.sh --stream NAME [ONLY]      one stream (run.sh calls itself)
set -u
cd "$(dirname "$0")/.."
stream=
if [ "${1:-}" = --stream ]; then stream=$2; shift 2; fi
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
    else   # one printf, so that another stream's line cannot cut the report
        failed=$((failed + 1)); printf 'FAIL  %s\n%s\n' "$name" "$(sed 's/^/      /' "$log" | tail -n 40)"
    fi
}

# kernel ARCH CH EXPECTED STATUS [EXTRA.nw] [PFLASH] [DISK]: build, boot
# under a timeout, judge the exit status and the whole transcript.
kernel() {
    arch=$1 ch=$2 expected=$3 status=$4 extra=${5:-} flash=${6:+PFLASH=$6} disk=${7:+DISK=$7}
    make -s build ARCH="$arch" CH="$ch" EXTRA="$extra" >/dev/null || return 1
    cmd=$(make -s qemu-cmd ARCH="$arch" CH="$ch" EXTRA="$extra" SMP="${SMP:-1}" $flash $disk) || return 1
    vars=$(make -s vars ARCH="$arch" CH="$ch" EXTRA="$extra") || return 1
    out="$logs/qemu-$arch-$(basename "${expected%.*}").txt"
    echo "$cmd"
    start=$(date +%s%N)
    timeout -s KILL "$TIMEOUT" $cmd < /dev/null > "$out" 2>&1
    rc=$?
    [ $rc -ne 137 ] || rc=124          # KILL: QEMU can hang deaf to TERM (loongarch64, a user fetch from a kernel page)
    elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))    # an expected .py may check real time
    [ $rc -eq 124 ] && { echo "timed out after ${TIMEOUT}s; transcript in $out"; tail -n 20 "$out"; return 1; }
    python3 tests/transcript.py "$expected" "$out" $vars ELAPSED_MS=$elapsed_ms || { echo "(transcript in $out)"; return 1; }
    [ $rc -eq "$status" ] || { echo "QEMU exited with status $rc, expected $status (transcript in $out)"; return 1; }
}

# host TEST: a host unit test, tangled as tests/host/NAME.c, built by
# tests/host.sh with the portable kernel/NAME.c it tests, and run.
host() {
    tests/host.sh "build/riscv64/$LAST/src" "build/host/$1" "tests/host/$1.c" "kernel/$1.c" &&
        "build/host/$1"
}

# grader EX: the grader fails on the unsolved chapter (on riscv64: one
# machine is proof enough) and passes with the reference solution on all.
# build/unsolved.nw, the empty answer, is written once, before the streams.
grader() {
    ex=$1
    nn=${ex%%.*}
    sol=$(ls tests/solutions/"$nn"-*.nw 2>/dev/null | head -n 1)
    [ -n "$sol" ] || { echo "no reference solution tests/solutions/$nn-*.nw"; return 1; }
    if GRADE_ARCHES=riscv64 tests/grade.sh "$ex" build/unsolved.nw; then
        echo "grader $ex passed an unsolved chapter"; return 1
    fi
    tests/grade.sh "$ex" "$sol"
}

# refused VAR=VALUE: make stops with status 2 and lists the valid values.
refused() {
    make -s build "$1" > "$logs/refused.txt" 2>&1
    rc=$?
    cat "$logs/refused.txt"
    [ $rc -eq 2 ] && grep -q "valid values: " "$logs/refused.txt"
}

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

# debug ARCH: gdb, attached to QEMU's stub, stops at a line of the book.
debug() {
    arch=$1 port=$((20000 + $$ % 10000))
    line=$(grep -n 'kprintf("\\nLoom' chapters/01-helloworld.nw | cut -d: -f1)
    make -s build ARCH="$arch" CH=01 > /dev/null || return 1
    cmd=$(make -s qemu-cmd ARCH="$arch" CH=01)
    timeout 30 $cmd -S -gdb tcp::$port < /dev/null > "$logs/debug-qemu-$arch.txt" 2>&1 &
    sleep 0.3
    timeout 30 gdb-multiarch -batch -ex "target remote localhost:$port" \
        -ex "break chapters/01-helloworld.nw:$line" -ex continue -ex bt -ex kill \
        "$(make -s outdir ARCH="$arch" CH=01)/kernel.elf" > "$logs/debug-gdb-$arch.txt" 2>&1
    wait
    cat "$logs/debug-gdb-$arch.txt"
    grep -q "^#0 .*kernel_main .* at chapters/01-helloworld.nw:$line" "$logs/debug-gdb-$arch.txt"
}

# The flash chapter: another magic is shown, a blank image fails, an image
# of the wrong size is refused before QEMU starts, an unmapped load faults.
flash() {   # flash ARCH MAGIC FILE: an image of the right size holding MAGIC
    size=$(make -s -f tools/kernel.mk ARCH="$1" CH=03-readpflash OUT=build/$1/03-readpflash print-flash-size)
    tools/mkflash.sh make "$3" "$size" "$2" $(make -s -f tools/kernel.mk ARCH="$1" CH=03-readpflash OUT=x print-flash-firmware)
}
wrong_size() {
    mkdir -p build/test-flash
    truncate -s 1M "build/test-flash/wrong-$1.img"
    make -s qemu-cmd ARCH="$1" CH=03-readpflash PFLASH="build/test-flash/wrong-$1.img" > "$logs/wrong-size-$1.txt" 2>&1
    rc=$?
    cat "$logs/wrong-size-$1.txt"
    [ $rc -ne 0 ] && grep -q "needs exactly" "$logs/wrong-size-$1.txt"
}
flash_kernel() {   # flash_kernel ARCH MAGIC NAME EXPECTED STATUS
    mkdir -p build/test-flash
    flash "$1" "$2" "build/test-flash/$3-$1.img" || return 1
    kernel "$1" 03-readpflash "$4" "$5" "" "build/test-flash/$3-$1.img"
}

# disk_kernel ARCH NAME EXPECTED STATUS EXTRA SIZE [OEM] [BLOCK:TEXT...]:
# chapter 7's kernel with a disk of the test's own (build/test-disk/).
disk_kernel() {
    arch=$1 img=build/test-disk/$2-$1.img expected=$3 status=$4 extra=$5 size=$6
    shift 6
    tools/mkdisk.sh "$img" "$size" "$@" || return 1
    kernel "$arch" 07-readblk "$expected" "$status" "$extra" "" "$img"
}

# no_fs_kernel ARCH, no_file_kernel ARCH: chapter 8 with chapter 7's disk
# (a boot sector, no file system), and with a FAT32 disk that has another file.
no_fs_kernel() {
    img=build/test-disk/nofs-$1.img
    tools/mkdisk.sh "$img" 67108864 || return 1
    kernel "$1" 08-loadapp tests/expected/08-loadapp+nofs.txt 1 "" "" "$img"
}
no_file_kernel() {
    mkdir -p build/test-disk
    img=build/test-disk/nofile-$1.img
    echo "not the app" > "build/test-disk/other-$1.txt"
    tools/mkfat.sh "$img" 67108864 "build/test-disk/other-$1.txt:/etc/other.txt" || return 1
    kernel "$1" 08-loadapp tests/expected/08-loadapp+nofile.txt 1 "" "" "$img"
}

# big_app_kernel ARCH: chapter 9 with a /sbin/origin of 5000 bytes.
big_app_kernel() {
    mkdir -p build/test-disk
    img=build/test-disk/bigapp-$1.img
    head -c 5000 /dev/zero > "build/test-disk/bigapp-$1.bin"
    tools/mkfat.sh "$img" 67108864 "build/test-disk/bigapp-$1.bin:/sbin/origin" || return 1
    kernel "$1" 09-userprivilege tests/expected/09-userprivilege+big.txt 1 "" "" "$img"
}

# make bench is a benchmark, not a test: here it only has to run and report
# its three figures on each machine.
bench_runs() {
    tools/bench.sh "$1" > "$logs/bench-$1.txt" || return 1
    cat "$logs/bench-$1.txt"
    [ "$(grep -c "^$1  .*: [0-9]*\.[0-9][0-9] instructions\$" "$logs/bench-$1.txt")" -eq 3 ]
}

# The stream of one machine: every chapter's kernel, then the tests of
# particular mechanisms.
machine_stream() {
    arch=$1
    for ch in $CHAPTERS; do
        expected=tests/expected/$ch.txt         # or .py, where timing orders the lines
        [ -f "$expected" ] || expected=tests/expected/$ch.py
        [ -f "$expected" ] || continue
        run "qemu: $arch $ch" kernel "$arch" "$ch" "$expected" 0
    done
    SMP=2 run "qemu: $arch counts two processors" kernel "$arch" 01-helloworld \
        tests/expected/01-helloworld+smp2.txt 0
    run "qemu: $arch unexpected trap" kernel "$arch" 01-helloworld \
        tests/expected/01-helloworld+trap.txt 1 tests/kernels/trap.nw
    # Debian 12's gdb-multiarch (13.1) has no LoongArch support: no test there.
    [ "$arch" = loongarch64 ] ||
        run "debug: $arch gdb breaks at chapters/01-helloworld.nw:LINE" debug "$arch"
    if [ -f chapters/03-readpflash.nw ]; then
        run "qemu: $arch a blank flash fails" flash_kernel "$arch" "" blank \
            tests/expected/03-readpflash+blank.txt 1
        run "qemu: $arch another magic is shown" flash_kernel "$arch" LOOM loom \
            tests/expected/03-readpflash+loom.txt 0
        run "qemu: $arch an unmapped load faults" kernel "$arch" 03-readpflash \
            tests/expected/03-readpflash+unmapped.txt 1 tests/kernels/unmapped.nw
        run "make: $arch a flash image of the wrong size is refused" wrong_size "$arch"
    fi
    # Tasks: a child whose stack overflows is caught in its guard page and named.
    [ ! -f chapters/04-childtask.nw ] ||
        run "qemu: $arch a task's stack overflow is caught" kernel "$arch" 04-childtask \
            tests/expected/04-childtask+overflow.txt 1 tests/kernels/overflow.nw
    [ ! -f chapters/05-msgqueue.nw ] ||
        run "bench: make bench runs on $arch" bench_runs "$arch"
    # The disk: another head and far blocks are read; no disk and a smaller one are named.
    if [ -f chapters/07-readblk.nw ]; then
        run "qemu: $arch reads the blocks of another disk" disk_kernel "$arch" marked \
            tests/expected/07-readblk+blocks.py 0 tests/kernels/blocks.nw 67108864 LOOMDISK \
            "1:the first" "4096:2 MiB in" "131071:the last block"
        run "qemu: $arch without a disk says what QEMU needs" kernel "$arch" 07-readblk \
            tests/expected/07-readblk+nodisk.txt 1 "" "" none
        run "qemu: $arch a disk of another size is named" disk_kernel "$arch" small \
            tests/expected/07-readblk+small.txt 1 "" 33554432
    fi
    # Files: a disk with no file system, and one without the app's file, are named.
    if [ -f chapters/08-loadapp.nw ]; then
        run "qemu: $arch a disk without a file system is named" no_fs_kernel "$arch"
        run "qemu: $arch a file system without the app's file is named" no_file_kernel "$arch"
    fi
    # User mode: registers survive ticks and a system call; a fault, a kernel
    # page and a privileged instruction end the program with -1; a program
    # larger than the loader's page is refused by name.
    if [ -f chapters/09-userprivilege.nw ]; then
        run "qemu: $arch user programs keep their registers, and faults end them" kernel "$arch" \
            09-userprivilege tests/expected/09-userprivilege+user.py 0 \
            "tests/kernels/user.nw tests/kernels/user-$arch.nw"
        run "qemu: $arch a program larger than a page is refused" big_app_kernel "$arch"
    fi
    # Demand paging: 16 pages faulted in by reads, a store below the stack
    # and a jump into it ended as segmentation faults.
    [ ! -f chapters/10-lazymapping.nw ] ||
        run "qemu: $arch pages come at the first touch, and only inside an area" kernel "$arch" \
            10-lazymapping tests/expected/10-lazymapping+lazy.py 0 \
            "tests/kernels/lazy.nw tests/kernels/lazy-$arch.nw"
    # The timer: a spinner is preempted, nice 0 and 5 share 300 ticks, sleepers wake in order.
    [ ! -f chapters/06-fairsched.nw ] ||
        run "qemu: $arch the timer preempts, shares and wakes" kernel "$arch" 06-fairsched \
            tests/expected/06-fairsched+timer.py 0 tests/kernels/timer.nw
}

# The stream of chapter NN's graders.  They share their kernels' build
# directories (the unsolved chapter, the reference solution), so one
# chapter's graders run one after the other.
graders_stream() {
    for g in tests/graders/$1.*.sh; do
        [ -e "$g" ] || continue
        ex=$(basename "$g" .sh)
        run "grader $ex" grader "$ex"
    done
}

book_stream() {
    run "book (make book, links)" make -s book
    run "book as EPUB (make epub, links)" make -s epub
}

# One stream, when run.sh was called with --stream: its counts go to a file.
if [ -n "$stream" ]; then
    case $stream in
    book)       book_stream ;;
    graders-*)  graders_stream "${stream#graders-}" ;;
    *)          machine_stream "$stream" ;;
    esac
    echo "$passed $failed" > "$logs/count-$stream"
    exit 0
fi

# The first part, one after the other.
run "chunk graph (make check)" make -s check
run "make: an unknown ARCH is refused" refused ARCH=sparc64
run "make: an unknown CH is refused" refused CH=99-nosuchchapter
dump_dtbs || echo "warning: QEMU could not dump its device trees (build/host/dtb.log)"
# The disk images of the file system's host test (chapter 8).
export LOOM_FAT_DIR=build/host/fat-images
[ ! -f chapters/08-loadapp.nw ] || python3 tests/fatimages.py "$LOOM_FAT_DIR" > build/host/fat.log 2>&1 ||
    echo "warning: the FAT images could not be made (build/host/fat.log)"
make -s tangle || { echo "FAIL  make tangle"; echo "0 passed, 1 failed"; exit 1; }
# What several streams would otherwise make at once: every chapter's own
# kernel on every machine (the graders' kernels start as copies of them),
# each machine's flash image, the empty answer.  A kernel that does not
# build is reported by its stream.
build_all() {
    for arch in $ARCHES; do
        for ch in $CHAPTERS; do echo "$arch $ch"; done
    done | xargs -P "${LOOM_TEST_JOBS:-$(nproc)}" -n 2 sh -c \
        'make -s build ARCH=$0 CH=$1 > /dev/null 2>&1 || echo "build: $0 $1 fails"'
    for arch in $ARCHES; do
        [ ! -f chapters/03-readpflash.nw ] || make -s qemu-cmd ARCH="$arch" CH=03-readpflash > /dev/null || return 1
    done
}
build_all
: > build/unsolved.nw
for f in build/riscv64/$LAST/src/tests/host/*.c; do
    [ -e "$f" ] || continue
    t=$(basename "$f" .c)
    run "host: $t" host "$t"
done

# The streams: the graders of the later chapters (the longest) first.
streams=
for nn in $(echo "$CHAPTERS" | cut -c1-2 | sort -r); do
    [ -d tests/solutions ] && ls tests/graders/"$nn".*.sh > /dev/null 2>&1 && streams="$streams graders-$nn"
done
[ -d tests/solutions ] || echo "note: no tests/solutions/ (a handout tree): graders are not proven"
streams="$streams $ARCHES book"
rm -f "$logs"/count-*
echo $streams | tr ' ' '\n' |
    xargs -P "${LOOM_TEST_JOBS:-$(nproc)}" -I{} tests/run.sh --stream {} "$only"
for s in $streams; do
    if [ -f "$logs/count-$s" ]; then
        read -r p f < "$logs/count-$s"
        passed=$((passed + p)) failed=$((failed + f))
    else
        failed=$((failed + 1)); echo "FAIL  the stream $s did not finish"
    fi
done

echo "$passed passed, $failed failed"
[ $failed -eq 0 ]
