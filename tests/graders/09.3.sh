# Exercise 9.3, two programs at once.  On each machine, with the grader's
# programs /sbin/ping and /sbin/pong and test code (tests/graders/09.3.nw):
# the app's transcript, then both programs' exit codes right (each saw its
# own mark at the same address through twenty yields), and both in user
# mode before either exits; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/09.3.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "does sched_yield return, and are the tasks joined?"; then continue; fi
    app_then tests/expected/09-userprivilege.py 'grader: ping and pong: exit [11] and [22]'
    line=$(grep -m1 '^grader: ping and pong' "$out")
    case "$line" in
    *"[11] and [22]") good "$arch: each program kept its own mark (exit 11 and 22)" ;;
    *99*) bad "$arch: a mark changed under a yield (99): $line" ;;
    *98*) bad "$arch: sched_yield did not return 0 (98): $line" ;;
    *) bad "$arch: ${line:-no line from the test code} (wanted exit [11] and [22])" ;;
    esac
    entered=$(awk '/^app: \/sbin\/ping$/ { on = 1 } on && /^\[SYS_EXIT\]/ { exit } on && /^Enter user space/ { n++ } END { print n + 0 }' "$out")
    [ "$entered" -ge 2 ] && good "$arch: both programs entered user mode before either exited" \
                         || bad "$arch: one program ran to its exit before the other entered user mode: not at the same time"
    status_is 0
done
