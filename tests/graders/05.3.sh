# Exercise 5.3, sleep and wake: with the grader's test (05.3.nw) after the
# answer, "sleep/wake: 50 messages, consumer slept 50 times, 0 empty
# wake-ups", none of the test's FAILED lines, and status 0, on every
# machine.  A sleep that keeps the lock hangs: hence a shorter timeout.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/05.3.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "does task_sleep switch with the lock held?"; then continue; fi
    set -- $(sed -n 's/^grader: sleep\/wake: \([0-9]*\) messages, consumer slept \([0-9]*\) times, \([0-9]*\) empty wake-ups$/\1 \2 \3/p' "$out" | head -n 1)
    if [ $# -ne 3 ]; then
        bad "$arch: no line \"sleep/wake: N messages, consumer slept S times, E empty wake-ups\" (see $out)"
        tail -n 6 "$out" | sed 's/^/           /'
    else
        [ "$1" -eq 50 ] && good "$arch: 50 messages received" || bad "$arch: $1 messages received, not 50"
        [ "$2" -eq 50 ] && good "$arch: the consumer slept 50 times, once before each message" \
                        || bad "$arch: the consumer slept $2 times, not 50"
        [ "$3" -eq 0 ] && good "$arch: no wake-up found the queue empty" \
                       || bad "$arch: $3 wake-ups found the queue empty"
    fi
    if grep -q '^grader: sleep/wake: FAILED' "$out"; then
        grep '^grader: sleep/wake: FAILED' "$out" | while read -r l; do bad "$arch: ${l#grader: }"; done
    elif [ $# -eq 3 ]; then
        good "$arch: blocked at every wake-up, the lock held on return, the messages in order, three sleepers woken one by one"
    fi
    status_is 0
done
