# Exercise 5.2, a bounded queue: with the grader's test (05.2.nw) after the
# answer, the crate's transcript unchanged, then the grader's line, and
# status 0, on every machine.  A yield under the lock hangs: hence a shorter
# timeout than the default.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/05.2.nw
line='grader: bounded queue: 200 messages in order, at most 4 queued'
expected=$logs/05.2-expected.txt
{ cat tests/expected/05-msgqueue.txt; echo 'grader: bounded queue: {any}'   # the line itself is checked apart
  echo 'grader: main returned {any}'; } > "$expected"
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "does a task yield while it holds the lock, or wait without yielding?"; then continue; fi
    if grep -qx "$line" "$out"; then
        good "$arch: ${line#grader: }"
    else
        got=$(grep -m1 '^grader: bounded queue' "$out")
        bad "$arch: no line \"${line#grader: }\" from the grader${got:+; got \"${got#grader: }\"} (see $out)"
    fi
    if python3 tests/transcript.py "$expected" "$out" $(vars) > "$out.diff"; then
        must good "$arch: the crate's transcript comes first, unchanged, and then only the grader's line"
    else
        must bad "$arch: the transcript is not the crate's followed by the grader's line:"
        sed 's/^/           /' "$out.diff" | head -n 16
    fi
    status_is 0
done
