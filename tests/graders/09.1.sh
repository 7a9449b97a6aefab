# Exercise 9.1, getpid.  On each machine, with the grader's program
# /sbin/getpid and test code (tests/graders/09.1.nw): the app's transcript,
# then the program run twice, giving two consecutive task ids above 1;
# status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/09.1.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "does getpid return?"; then continue; fi
    app_then tests/expected/09-userprivilege.py 'grader: getpid gave {any}'
    line=$(grep -m1 '^grader: getpid gave' "$out")
    if echo "$line" | awk '{ a = $4 + 0; b = $6 + 0; exit !(a >= 2 && b == a + 1 && $4 ~ /^[0-9]+,$/) }'; then
        good "$arch: getpid gave two consecutive ids (${line#grader: getpid gave })"
    else
        what=${line#grader: }
        bad "$arch: ${what:-no getpid line} (wanted two consecutive task ids above 1; 200: the two calls disagreed; -38: no such call)"
    fi
    status_is 0
done
