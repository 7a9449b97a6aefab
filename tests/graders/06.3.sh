# Exercise 6.3, a lock that sleeps.  On each machine, with the grader's own
# test code (tests/graders/06.3.nw: four tasks, 200 rounds each, a third of
# a tick inside the lock): the app's transcript and the grader's line; the
# counter at 800, no two holders at once, the waiters blocked (not ready)
# in 90% of the holder's looks at them at least; status 0.  Then on
# riscv64 alone (the code is portable), tests/graders/06.3-unlock.nw: main
# unlocking a mutex another task holds must end in a panic naming main.
: "${LOOM_TEST_TIMEOUT:=60}"
. tests/graders/lib.sh
for arch in $ARCHES; do
    GRADER_NW=tests/graders/06.3.nw
    boot "$arch" || continue
    if hung "a lost wake-up, or a mutex never handed on?"; then continue; fi
    app_then tests/expected/06-fairsched.py \
        'grader: mutex: counter {int} of 800, {int} overlaps, the others blocked in {int} of {int} looks'
    m=$(sed -n 's/^grader: mutex: counter \([0-9]*\) of 800, \([0-9]*\) overlaps, the others blocked in \([0-9]*\) of \([0-9]*\) looks$/\1 \2 \3 \4/p' "$out")
    if [ -n "$m" ]; then
        set -- $m
        [ "$1" -eq 800 ] && [ "$2" -eq 0 ] \
            && good "$arch: 800 critical sections, never two holders at once" \
            || bad "$arch: the counter ended at $1 of 800, with $2 overlaps: the mutex let two tasks in"
        [ "$4" -gt 0 ] && [ $(( $3 * 10 )) -ge $(( $4 * 9 )) ] \
            && good "$arch: the waiting tasks were blocked in $3 of the holder's $4 looks at them" \
            || bad "$arch: the waiting tasks were blocked in only $3 of the holder's $4 looks at them: do they spin or yield instead of blocking?"
    fi
    status_is 0
done
case " $ARCHES " in *" riscv64 "*) ;; *) exit 0 ;; esac
arch=riscv64 EX=$EX-unlock GRADER_NW=tests/graders/06.3-unlock.nw
boot "$arch" || exit 0
panics_after "unlocking another task's mutex" 'main unlocks a mutex it does not hold' \
    'the unlock returned' 'task 1 \(main\)'
