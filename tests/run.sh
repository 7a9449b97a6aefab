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
# per chapter's graders, the teachers' tools, and the book.  No two streams
# write the same file under build/: a machine's stream builds only in
# build/ARCH/, with the chapters' own apps and the test kernels; a grade
# builds only in its own folder (build/grade/EX/ANSWER, tests/grade.sh),
# the teachers' tools in build/class-test/ and build/handout*; the book
# only reads the trees the first part tangled.  Each line is printed as its test ends, so
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
# under a timeout, judge the exit status and the whole transcript.  STATUS
# is 0 for a pass (QEMU's status is then the machine's PASS_STATUS) or 1.
# The console's input is INPUT (a file the test typed in advance), or nothing.
kernel() {
    arch=$1 ch=$2 expected=$3 status=$4 extra=${5:-} flash=${6:+PFLASH=$6} disk=${7:+DISK=$7}
    make -s build ARCH="$arch" CH="$ch" EXTRA="$extra" >/dev/null || return 1
    cmd=$(make -s qemu-cmd ARCH="$arch" CH="$ch" EXTRA="$extra" SMP="${SMP:-1}" $flash $disk) || return 1
    vars=$(make -s vars ARCH="$arch" CH="$ch" EXTRA="$extra") || return 1
    out="$logs/qemu-$arch-$(basename "${expected%.*}").txt"
    echo "$cmd"
    start=$(date +%s%N)
    timeout -s KILL "$TIMEOUT" $cmd < "${INPUT:-/dev/null}" > "$out" 2>&1
    rc=$?
    [ $rc -ne 137 ] || rc=124          # KILL: QEMU can hang deaf to TERM (loongarch64, a user fetch from a kernel page)
    elapsed_ms=$(( ($(date +%s%N) - start) / 1000000 ))    # an expected .py may check real time
    [ $rc -eq 124 ] && { echo "timed out after ${TIMEOUT}s; transcript in $out"; tail -n 20 "$out"; return 1; }
    python3 tests/transcript.py "$expected" "$out" $vars ELAPSED_MS=$elapsed_ms || { echo "(transcript in $out)"; return 1; }
    [ "$status" -ne 0 ] || status=$(var PASS_STATUS $vars) || return 1
    [ $rc -eq "$status" ] || { echo "QEMU exited with status $rc, expected $status (transcript in $out)"; return 1; }
}

# var NAME NAME=VALUE...: the value of NAME among the words `make vars` prints.
var() {
    n=$1; shift
    for w; do case $w in "$n="*) echo "${w#*=}"; return 0 ;; esac; done
    echo "var: make vars gives no $n" >&2; return 1
}

# host TEST SRC: a host unit test, tangled as SRC/tests/host/NAME.c, built
# by tests/host.sh with the portable kernel/NAME.c it tests (when there is
# one; a test names others in a `links:` comment), and run.
host() {
    tests/host.sh "$2" "build/host/$1" "tests/host/$1.c" \
        $([ ! -f "$2/kernel/$1.c" ] || echo "kernel/$1.c") && "build/host/$1"
}

# grader EX: the grader fails on the unsolved chapter, passes with the
# reference solution on every machine, gives the same verdicts twice more
# for it, and fails the answer that only prints what a passing run prints
# (tests/solutions/EX-printing.nw).  All but the reference's first grade
# run on riscv64 alone: one machine is proof enough, and time is short.
# build/unsolved.nw, the empty answer, is written once, before the streams.
grader() {
    ex=$1
    sol=tests/solutions/$ex.nw printing=tests/solutions/$ex-printing.nw
    [ -f "$sol" ] || { echo "no reference solution $sol"; return 1; }
    [ -f "$printing" ] || { echo "no answer that only prints, $printing"; return 1; }
    if GRADE_ARCHES=riscv64 tests/grade.sh "$ex" build/unsolved.nw; then
        echo "grader $ex passed an unsolved chapter"; return 1
    fi
    tests/grade.sh "$ex" "$sol" || return 1
    dir=build/grade/$ex/tests-solutions-$ex
    m=riscv64; [ ! -d "$dir/host" ] || m=host       # whose verdicts are compared
    first=$(cut -c1-4 "$dir/$m/lines" | tr '\n' ' ')
    for run in 2 3; do
        echo "the reference again, run $run of 3:"
        GRADE_ARCHES=riscv64 tests/grade.sh "$ex" "$sol" || { echo "grader $ex failed the reference at run $run"; return 1; }
        again=$(cut -c1-4 "$dir/$m/lines" | tr '\n' ' ')
        [ "$again" = "$first" ] || { echo "grader $ex: verdicts \"$again\" at run $run, \"$first\" at run 1"; return 1; }
    done
    echo "an answer that only prints:"
    if GRADE_ARCHES=riscv64 tests/grade.sh "$ex" "$printing"; then
        echo "grader $ex passed $printing, an answer that only prints"; return 1
    fi
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

# The stream of one machine: every chapter's kernel, judged by its
# transcript, then the runs the chapter itself lists in its root
# tests/qemu/NN-name.sh (a fragment of shell read here with $arch set,
# which calls run and kernel, and may define functions of its own).
machine_stream() {
    arch=$1
    for ch in $CHAPTERS; do
        expected=tests/expected/$ch.txt         # or .py, where timing orders the lines
        [ -f "$expected" ] || expected=tests/expected/$ch.py
        [ ! -f "$expected" ] || run "qemu: $arch $ch" kernel "$arch" "$ch" "$expected" 0
        tests=build/$arch/$ch/src/tests/qemu/$ch.sh
        [ ! -f "$tests" ] || . "./$tests"
    done
}

# The stream of chapter NN's graders, one after the other (each grade has
# a folder of its own; a stream per chapter keeps the streams few).
graders_stream() {
    for g in tests/graders/$1.*.sh; do
        [ -e "$g" ] || continue
        ex=$(basename "$g" .sh)
        run "grader $ex" grader "$ex"
    done
}

# The class tool: four students, a folder each, graded side by side on
# every machine: right answers to 1.1 and 1.2, a wrong answer to 1.1 (its
# line red, not green), one that does not build, one that hangs, whose
# time runs out.
class_test() {
    f=build/class-test/students
    rm -rf build/class-test
    mkdir -p $f/alice $f/bob $f/carol $f/dave
    cp tests/solutions/01.1.nw tests/solutions/01.2.nw $f/alice/
    sed 's/32m/31m/' tests/solutions/01.1.nw > $f/bob/01.1.nw
    printf '<<hello: after the greeting>>=\nkprintf("no semicolon")\n@\n' > $f/carol/01.1.nw
    printf '<<hello: after the greeting>>=\nfor (;;)\n    ;\n@\n' > $f/dave/01.1.nw
    CLASS_OUT=build/class-test/out CLASS_TIMEOUT=20 tests/class.sh $f > build/class-test/out.txt 2>&1
    cat build/class-test/out.txt
    got=$(sed -n '/^student/,/^dave/p' build/class-test/out.txt | tr -s ' ')
    want="student 01.1 01.2 total
alice 100 100 200
bob 0 - 0
carol build - 0
dave time - 0"
    [ "$got" = "$want" ] || { echo "the table is not"; echo "$want"; return 1; }
}

# The handout as a git repository: chapters 1-2, then 1-3, which a
# student's clone, holding an answer of theirs, merges with `git pull`;
# then `make handin` packs exactly the answer.
handout_test() {
    d=build/handout-test
    rm -rf $d
    mkdir -p $d
    HANDOUT=$d/loom.git UPTO=02 tests/handout.sh || return 1
    git clone -q $d/loom.git $d/student || return 1
    s=$d/student
    [ ! -e $s/tests/solutions ] && [ ! -e $s/chapters/03-readpflash.nw ] && [ -f $s/exercises/README.md ] ||
        { echo "the first handout is not chapters 1-2 without the solutions"; return 1; }
    cp tests/solutions/01.1.nw $s/exercises/ && echo notes > $s/exercises/notes.txt
    (cd $s && git add exercises && git -c user.name=S -c user.email=s@x commit -qm "my answer") || return 1
    HANDOUT=$d/loom.git UPTO=03 tests/handout.sh || return 1
    (cd $s && git -c user.name=S -c user.email=s@x pull -q --no-rebase) || { echo "chapter 3 does not merge"; return 1; }
    [ -f $s/chapters/03-readpflash.nw ] && [ -f $s/exercises/01.1.nw ] || { echo "the merge lost something"; return 1; }
    (cd $s && STUDENT=sam tests/handin.sh) || return 1
    got=$(tar -tzf $s/build/handin/sam.tar.gz | sort | tr '\n' ' ')
    [ "$got" = "sam/ sam/01.1.nw " ] || { echo "make handin packed: $got"; return 1; }
}

teachers_stream() {
    run "teachers: make class grades a folder of students" class_test
    run "teachers: make handout, a git repository to pull; make handin" handout_test
}

book_stream() {
    run "book (make book, links)" make -s book
    run "book as EPUB (make epub, links)" make -s epub
}

# One stream, when run.sh was called with --stream: its counts go to a file.
if [ -n "$stream" ]; then
    case $stream in
    book)       book_stream ;;
    teachers)   teachers_stream ;;
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
# with the images its chapters declare (the flash, the disk), the empty answer.  A kernel that does not
# build is reported by its stream.
build_all() {
    for arch in $ARCHES; do
        for ch in $CHAPTERS; do echo "$arch $ch"; done
    done | xargs -P "${LOOM_TEST_JOBS:-$(nproc)}" -n 2 sh -c \
        'make -s build ARCH=$0 CH=$1 > /dev/null 2>&1 || echo "build: $0 $1 fails"'
}
build_all
: > build/unsolved.nw
# Host tests: every root tests/host/NAME.c of every chapter, compiled from
# the tree of the last chapter that has it (a later chapter may extend it).
host_tests=$(for ch in $CHAPTERS; do
    for f in build/riscv64/$ch/src/tests/host/*.c; do [ ! -e "$f" ] || echo "$(basename "$f" .c) $ch"; done
done | awk '{ last[$1] = $2 } END { for (t in last) print t ":" last[t] }' | sort)
for t in $host_tests; do
    run "host: ${t%%:*}" host "${t%%:*}" "build/riscv64/${t#*:}/src"
done

# The streams: the graders of the later chapters (the longest) first.
streams=
for nn in $(echo "$CHAPTERS" | cut -c1-2 | sort -r); do
    [ -d tests/solutions ] && ls tests/graders/"$nn".*.sh > /dev/null 2>&1 && streams="$streams graders-$nn"
done
[ -d tests/solutions ] || echo "note: no tests/solutions/ (a handout tree): graders are not proven"
[ ! -d tests/solutions ] || streams="$streams teachers"     # it grades the solutions
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
