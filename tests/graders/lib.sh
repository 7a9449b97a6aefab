# tests/graders/lib.sh: what every grader uses.  A grader runs with CH
# (01-helloworld), ANSWER (the student's .nw) and EX set, and prints lines
# starting GOOD, BAD or MISSING.
# GRADE_ARCHES narrows the machines (make test proves that a grader fails
# an unsolved chapter on riscv64 alone, to save time).
ARCHES="${GRADE_ARCHES:-riscv64 aarch64 x86_64 loongarch64}"
logs=build/grade-logs
mkdir -p "$logs"

good() { echo "GOOD     $*"; }
bad()  { echo "BAD      $*"; }

# var NAME: the value of NAME among the facts `make vars` gives for $arch
# and the answer (DISK_SIZE, PFLASH_VA ...).
var() {
    for w in $(make -s vars ARCH="$arch" CH="$CH" EXTRA="$ANSWER${GRADER_NW:+ $GRADER_NW}"); do
        case $w in "$1="*) echo "${w#*=}"; return 0 ;; esac
    done
    echo "var: make vars gives no $1" >&2; return 1
}

# boot ARCH [QEMU ARGS...]: build the chapter with the answer for ARCH and
# boot it under a timeout.  Sets $out (the transcript, carriage returns
# removed) and $rc (QEMU's exit status, with the machine's pass status,
# PASS_STATUS, read as 0, and a 0 that is not the pass status as 255).  Returns 1 if the build failed,
# after showing why.  With GRADER_NW set (a grader's own test code,
# tests/graders/NN.K.nw), that file is tangled after the answer.
boot() {
    arch=$1; shift
    out="$logs/$EX-$arch.txt"
    extra="$ANSWER${GRADER_NW:+ $GRADER_NW}"
    if ! make -s build ARCH="$arch" CH="$CH" EXTRA="$extra" > "$out.build" 2>&1; then
        bad "$arch: the kernel does not build with $ANSWER:"
        sed 's/^/           /' "$out.build" | head -n 15
        return 1
    fi
    # A chapter with a disk (make disk-path names its default image) gives
    # each grader's run its own: the one the grader made (GRADER_DISK), or a
    # copy of the build's, as QEMU locks an image against a second user and
    # the tests run side by side.
    disk=$(make -s disk-path ARCH="$arch" CH="$CH" EXTRA="$extra")
    if [ -n "$disk" ] && [ -z "${GRADER_DISK:-}" ]; then
        cp "$disk" "$logs/$EX-$arch.img" && disk=$logs/$EX-$arch.img
    elif [ -n "$disk" ]; then
        disk=$GRADER_DISK
    fi
    cmd=$(make -s qemu-cmd ARCH="$arch" CH="$CH" EXTRA="$extra" ${disk:+DISK=$disk})
    timeout -s KILL "${LOOM_TEST_TIMEOUT:-60}" $cmd "$@" < /dev/null > "$out.raw" 2>&1
    rc=$?
    [ $rc -ne 137 ] || rc=124          # KILL: QEMU can hang deaf to TERM (loongarch64, a user fetch from a kernel page)
    pass=$(var PASS_STATUS)
    if [ $rc -eq "$pass" ]; then rc=0; elif [ $rc -eq 0 ]; then rc=255; fi   # 255: a reset (x86_64)
    tr -d '\r' < "$out.raw" > "$out"
    [ $rc -ne 124 ] || bad "$arch: no power-off within ${LOOM_TEST_TIMEOUT:-60}s (see $out)"
    return 0
}

# status_is N: GOOD if the run's status was N (0 pass, 1 fail), else BAD.
status_is() {
    if [ "$rc" -eq "$1" ]; then good "$arch: QEMU exits with $(status_words "$1")"
    else bad "$arch: QEMU exits with $(status_words "$rc"), not $(status_words "$1") (see $out)"; fi
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
# line AFTER (the call returned) did not, and a panic matching NAMED (an
# extended regular expression: 'task 1 \(main\)') followed BEFORE; WHAT
# says what was tried.
panics_after() {
    [ "$rc" -eq 1 ] && good "$arch: $1: QEMU exits with the fail status" \
                    || bad "$arch: $1: QEMU exits with status $rc, not 1 (see $out)"
    if ! grep -qxF "$2" "$out"; then
        bad "$arch: the grader did not get as far as \"$2\" (see $out)"
    elif grep -qxF "$3" "$out"; then
        bad "$arch: $1: the call returned (\"$3\"; see $out)"
    elif awk -v b="$2" '$0 == b { on = 1 } on' "$out" | grep '^panic at ' | grep -qE "$4"; then
        good "$arch: $1: a panic naming \"$(echo "$4" | sed 's/\[0-9\]+/N/g; s/\\//g')\""
    else
        bad "$arch: $1 must end in a panic naming \"$(echo "$4" | sed 's/\[0-9\]+/N/g; s/\\//g')\"; the run ended with:"
        grep -v '^$' "$out" | tail -n 1 | sed 's/^/           /'
    fi
}

# app_then EXPECTED.py LINE...: GOOD if the transcript is the chapter's own
# (an expected file in Python, whose tasks interleave) followed by these
# lines (patterns, as in tests/expected), in this order, among any others
# (what the answer itself prints, around the grader's lines); else BAD,
# with where it went wrong.
app_then() {
    py=$logs/$EX-$arch-expected.py
    python3 - "$py" "$@" <<'PY'
import sys
py, chapter, lines = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(py, "w") as f:
    f.write("HERE = %r\nexec(open(%r).read())\n" % (__import__("os").path.dirname(chapter), chapter))
    f.write("EXPECTED = EXPECTED + [Interleave(%r, [Many('{any}')])]\n" % lines)
PY
    vars=$(make -s vars ARCH="$arch" CH="$CH" EXTRA="$ANSWER${GRADER_NW:+ $GRADER_NW}")
    if python3 tests/transcript.py "$py" "$out" $vars > "$out.diff"; then
        good "$arch: the app's transcript, then $(echo "$2" | sed 's/{int}/N/g; s/{any}/.../g')${3:+ ...}"
    else
        bad "$arch: the transcript is not the app's followed by the expected lines:"
        sed 's/^/           /' "$out.diff" | head -n 12
    fi
}
