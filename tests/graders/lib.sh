# tests/graders/lib.sh: what every grader uses.
#
# tests/grade.sh runs a grader with EX (01.1), CH (01-helloworld), ANSWER
# (the student's .nw), GRADE_DIR (this grade's own folder) and
# GRADER_NONCE (sixteen hexadecimal digits drawn for this grade) set. A
# grader that loops over $ARCHES is run once per machine, with ARCHES that
# one machine; any other (a host program's grader) runs once. A grader
# prints lines starting GOOD, BAD or MISSING.
#
# Trust: the answer runs inside the kernel, and can print anything. So
# the transcript is read through `trusted`: only lines carrying this
# grade's nonce, which the grader's own code prints (tests/graders/*.nw,
# with the prefix GRADER from grade/nonce.h), become "grader: ..." lines;
# any other line that looks like a grader's or a verdict is marked as the
# answer's. A grader believes "grader: " lines only, and should judge
# state the kernel observed (values, counts, an order of events) rather
# than words the answer prints.
#
# Required checks: those lib.sh makes for every run (the kernel builds,
# it ends within the timeout, it ends as it should, the chapter's own
# transcript is intact) are written to $logs/required too; a machine that
# fails one scores nothing (tests/graders/score.py).
ARCHES="${GRADE_ARCHES:-riscv64 aarch64 x86_64 loongarch64}"
GRADE_DIR=${GRADE_DIR:-build/grade/$EX/adhoc}
logs=$GRADE_DIR/${GRADE_MACHINE:-host}      # this machine's files: transcripts, disks, kernels
mkdir -p "$logs"
# Every make below builds in this grade's own folder, $logs/EX.kernel, whatever
# the answer's file is called (the Makefile reads LOOM_OUT).
export LOOM_OUT="$logs/$EX.kernel"

good() { echo "GOOD     $*"; }
bad()  { echo "BAD      $*"; }

# must good|bad TEXT: a required check's verdict.
must() {
    v=$1; shift
    $v "$@"
    $v "$@" >> "$logs/required"
}

# The files a kernel of this grade is tangled from: the answer, the
# grader's test code (GRADER_NW, tests/graders/NN.K.nw), the harness and
# this grade's nonce.
extra() {
    echo "$ANSWER${GRADER_NW:+ $GRADER_NW} tests/graders/harness.nw $GRADE_DIR/nonce.nw"
}

# kernel_dir: where the kernel of $arch and $EX is built (kernel.elf ...).
kernel_dir() {
    echo "$GRADE_DIR/$arch/$EX.kernel"
}

# vars: the facts `make vars` gives for $arch and the answer (DISK_SIZE,
# PFLASH_VA ...), as NAME=value words; var NAME: one of them.
vars() {
    LOOM_OUT=$(kernel_dir) make -s vars ARCH="$arch" CH="$CH" EXTRA="$(extra)"
}
var() {
    for w in $(vars); do
        case $w in "$1="*) echo "${w#*=}"; return 0 ;; esac
    done
    echo "var: make vars gives no $1" >&2; return 1
}

# trusted: a transcript with the grader's lines (this grade's nonce
# after "grader ") made "grader: ...", on a line of their own (firmware
# may leave a line unfinished before the kernel's first), and every other
# line that starts like a grader's line or a verdict marked as printed by
# the answer.
trusted() {
    awk -v tag="grader $GRADER_NONCE: " '
        (i = index($0, tag)) > 0 {
            if (i > 1) print substr($0, 1, i - 1)
            print "grader: " substr($0, i + length(tag)); next }
        /^(grader|GOOD|BAD|MISSING)/ { print "(printed by the answer) " $0; next }
        { print }'
}

# program_lines FILE: the verdicts a grader's host program printed in
# FILE with this grade's nonce (tests/grade/NN.K.c prints them so), and
# BAD if it did not print its last line: a program the answer's code ended
# early (an exit in a constructor, say) printed only what the answer chose.
program_lines() {
    tag="grader $GRADER_NONCE: "
    awk -v tag="$tag" 'index($0, tag) == 1 { print substr($0, length(tag) + 1) }' "$1" | grep -v '^the end$'
    grep -qxF "${tag}the end" "$1" && return 0
    must bad "the grader's program did not run to its end; its last lines (all in $1):"
    grep -v "^$tag" "$1" | tail -n 8 | sed 's/^/           /'
}

# build_failed: why the build failed, in full the first time in a grade;
# a later machine with the same error (machine names aside) says so in a line.
build_failed() {
    first=$GRADE_DIR/build-error
    sed "s|$LOOM_OUT|OUT|g; s/$arch/ARCH/g" "$out.build" > "$out.build.same"
    if [ -f "$first" ] && cmp -s "$first" "$out.build.same"; then
        must bad "$arch: the kernel does not build with $ANSWER: the same error as on $(cat "$first.machine")"
        return
    fi
    must bad "$arch: the kernel does not build with $ANSWER:"
    sed 's/^/           /' "$out.build" | head -n 15
    [ -f "$first" ] || { cp "$out.build.same" "$first"; echo "$arch" > "$first.machine"; }
}

# boot ARCH [QEMU ARGS...]: build the chapter with the answer for ARCH and
# boot it under a timeout.  Sets $out (the transcript, trusted, carriage
# returns removed) and $rc (QEMU's exit status, with the machine's pass
# status, PASS_STATUS, read as 0, and a 0 that is not the pass status, a
# reset on x86_64, as 255).  Returns 1 if the build failed, after showing why.
boot() {
    arch=$1; shift
    kdir=$(kernel_dir)
    out=$logs/$EX.txt
    if ! LOOM_OUT=$kdir make -s build ARCH="$arch" CH="$CH" EXTRA="$(extra)" > "$out.build" 2>&1; then
        build_failed
        return 1
    fi
    # A chapter with a disk (make disk-path names its default image) gives
    # each run its own: the one the grader made (GRADER_DISK), or a copy
    # of the build's, as QEMU locks an image against a second user.
    disk=$(LOOM_OUT=$kdir make -s disk-path ARCH="$arch" CH="$CH" EXTRA="$(extra)")
    if [ -n "$disk" ] && [ -z "${GRADER_DISK:-}" ]; then
        cp "$disk" "$logs/$EX.img" && disk=$logs/$EX.img
    elif [ -n "$disk" ]; then
        disk=$GRADER_DISK
    fi
    cmd=$(LOOM_OUT=$kdir make -s qemu-cmd ARCH="$arch" CH="$CH" EXTRA="$(extra)" ${disk:+DISK=$disk})
    # --foreground: QEMU stays in the grade's process group, which a class's
    # timeout for the student ends whole (tests/class.sh).
    timeout --foreground -s KILL "${LOOM_TEST_TIMEOUT:-60}" $cmd "$@" < /dev/null > "$out.raw" 2>&1
    rc=$?
    [ $rc -ne 137 ] || rc=124          # KILL: QEMU can hang deaf to TERM (loongarch64, a user fetch from a kernel page)
    pass=$(var PASS_STATUS)
    if [ $rc -eq "$pass" ]; then rc=0; elif [ $rc -eq 0 ]; then rc=255; fi
    tr -d '\r' < "$out.raw" | trusted > "$out"
    [ $rc -ne 124 ] || must bad "$arch: no power-off within ${LOOM_TEST_TIMEOUT:-60}s (see $out)"
    return 0
}

# reported_failure: the kernel's own report of a failure (the first line
# after the harness's mark), or nothing.
reported_failure() {
    awk '$0 == "grader: the kernel reports a failure" { on = 1; next } on && NF { print; exit }' "$out"
}

# status_is N: GOOD if the run's status was N (0 pass, 1 fail) and the
# run ended as such a run ends: a pass after main and the grader's test
# (the harness's last line), a failure reported by the kernel itself.
status_is() {
    if [ "$rc" -ne "$1" ]; then
        must bad "$arch: QEMU exits with $(status_words "$rc"), not $(status_words "$1") (see $out)"
    elif [ "$1" -eq 0 ] && ! grep -qx 'grader: main returned 0, the kernel ends' "$out"; then
        must bad "$arch: the machine was powered off before the kernel's end, the grader's test with it (see $out)"
    elif [ "$1" -ne 0 ] && [ -z "$(reported_failure)" ]; then
        must bad "$arch: QEMU exits with status $1, but not after a panic or a trap the kernel reported (see $out)"
    else
        must good "$arch: QEMU exits with $(status_words "$1")"
    fi
}
status_words() {
    case $1 in 0) echo "the pass status" ;; 255) echo "status 0, a reset" ;; *) echo "status $1" ;; esac
}

# hung HINT: true if the boot timed out (boot has said so), after printing
# HINT, a guess at the cause, and the last lines of the transcript.
hung() {
    [ "$rc" -eq 124 ] || return 1
    echo "           ($1) the last lines:"
    grep -v '^qemu-system' "$out" | tail -n 4 | sed 's/^/           /'
}

# panics_after WHAT BEFORE AFTER NAMED: a grader's run that must fail.
# GOOD if QEMU exited with status 1, the grader's line BEFORE came, the
# line AFTER (the call returned) did not, and the kernel's own report, a
# panic matching NAMED (an extended regular expression: 'task 1 \(main\)'),
# followed BEFORE; WHAT says what was tried.  BEFORE and AFTER are the
# grader's lines, without "grader: ".
panics_after() {
    [ "$rc" -eq 1 ] && must good "$arch: $1: QEMU exits with the fail status" \
                    || must bad "$arch: $1: QEMU exits with status $rc, not 1 (see $out)"
    named=$(echo "$4" | sed 's/\[0-9\]+/N/g; s/\\//g')
    report=$(awk -v b="grader: $2" '$0 == b { on = 1 } on' "$out" | reported_failure_in)
    if ! grep -qxF "grader: $2" "$out"; then
        bad "$arch: the grader did not get as far as \"$2\" (see $out)"
    elif grep -qxF "grader: $3" "$out"; then
        bad "$arch: $1: the call returned (\"$3\"; see $out)"
    elif echo "$report" | grep -q '^panic at ' && echo "$report" | grep -qE "$4"; then
        good "$arch: $1: a panic naming \"$named\""
    else
        bad "$arch: $1 must end in a panic naming \"$named\"; the kernel's report was:"
        echo "${report:-(none)}" | sed 's/^/           /'
    fi
}
reported_failure_in() {
    awk '$0 == "grader: the kernel reports a failure" { on = 1; next } on && NF { print; exit }'
}

# app_then EXPECTED.py LINE...: GOOD if the transcript is the chapter's own
# (an expected file in Python, whose tasks interleave) followed by these
# lines (patterns, as in tests/expected), in this order, among any others
# (what the answer itself prints, around the grader's lines); else BAD,
# with where it went wrong.
app_then() {
    py=$logs/$EX-expected.py
    python3 - "$py" "$@" <<'PY'
import sys
py, chapter, lines = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(py, "w") as f:
    f.write("HERE = %r\nexec(open(%r).read())\n" % (__import__("os").path.dirname(chapter), chapter))
    f.write("EXPECTED = EXPECTED + [Interleave(%r, [Many('{any}')])]\n" % lines)
PY
    if python3 tests/transcript.py "$py" "$out" $(vars) > "$out.diff"; then
        must good "$arch: the app's transcript, then $(echo "$2" | sed 's/{int}/N/g; s/{any}/.../g')${3:+ ...}"
    else
        must bad "$arch: the transcript is not the app's followed by the expected lines:"
        sed 's/^/           /' "$out.diff" | head -n 12
    fi
}

# seed K: a number from this grade's nonce, the K-th group of four
# hexadecimal digits (K from 1 to 4), for what a grader chooses at random.
seed() {
    echo $((0x$(echo "$GRADER_NONCE" | cut -c$((4 * $1 - 3))-$((4 * $1)))))
}
