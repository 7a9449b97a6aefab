# Exercise 9.3, two programs at once.  On each machine, with the grader's
# programs /sbin/ping and /sbin/pong (their marks drawn for this grade)
# and test code (tests/graders/09.3.nw, which records what each switch
# away from a program shows): the app's transcript; by the kernel's
# record, each program's mark in an address space of its own, the two
# running at the same time (one, the other, the first again before either
# exits), each program's task ending with its code (11 and 22); the codes
# run_user_apps gives back; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/09.3.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "does sched_yield return, and are the tasks joined?"; then continue; fi
    app_then tests/expected/09-userprivilege.py 'grader: ping and pong: exit {any}' 'grader: ping{any}s mark seen {any}'
    record=$(sed -n "s/^grader: ping's mark seen at \([0-9]*\) switches, pong's at \([0-9]*\); \(.*\) address spaces; \(.*\); exits \(-*[0-9]*\) and \(-*[0-9]*\)$/\1|\2|\3|\4|\5|\6/p" "$out")
    ping=0 pong=0
    if [ -z "$record" ]; then
        bad "$arch: the grader's record did not come (see $out)"
    else
        IFS='|' read -r ping pong spaces order e1 e2 <<EOF2
$record
EOF2
        [ "$ping" -gt 0 ] && [ "$pong" -gt 0 ] && [ "$spaces" = two ] \
            && good "$arch: each program kept its own mark in an address space of its own (seen at $ping and $pong switches)" \
            || bad "$arch: the kernel saw ping's mark at $ping switches and pong's at $pong, in $spaces address spaces (both, in two, expected)"
        turns=$(sed -n "s/^grader: the programs' turns before the first exit (P ping, Q pong): //p" "$out")
        [ "$order" = "one, the other, the first again before either exited" ] \
            && good "$arch: the two ran at the same time: one, the other, the first again before either exited ($turns...)" \
            || bad "$arch: one program ran to its end before the other ran (turns: ${turns:-none})"
        case "$e1 $e2" in
        "11 22") good "$arch: the programs' tasks ended with 11 and 22" ;;
        *99*) bad "$arch: a mark changed under a yield (a program's task ended with 99)" ;;
        *98*) bad "$arch: sched_yield did not return 0 (a program's task ended with 98)" ;;
        *) bad "$arch: the programs' tasks ended with $e1 and $e2, not 11 and 22" ;;
        esac
    fi
    # The codes run_user_apps gives back mean something only if it ran them.
    line=$(grep -m1 '^grader: ping and pong' "$out")
    [ "${ping:-0}" -gt 0 ] && [ "${pong:-0}" -gt 0 ] && case "$line" in
    *"exit [11] and [22]") good "$arch: run_user_apps gave back their codes, 11 and 22" ;;
    *) bad "$arch: run_user_apps gave back ${line#grader: ping and pong: } (exit [11] and [22] expected)" ;;
    esac
    status_is 0
done
