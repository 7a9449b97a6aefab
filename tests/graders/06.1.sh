# Exercise 6.1, counting the preemptions.  On each machine, with the
# grader's own test code (tests/graders/06.1.nw: a spinner that only a
# preemption lets go, then 200 yields): the app's transcript, the answer's
# "preemptions: N", the grader's line, the counts it reports, and status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/06.1.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "is task_preemptions counted where the timer preempts?"; then continue; fi
    app_then tests/expected/06-fairsched.py 'preemptions: {int}' \
        "grader: the spinner's run added {int} preemptions, 200 yields added {int}"
    m=$(sed -n "s/^grader: the spinner's run added \([0-9]*\) preemptions, 200 yields added \([0-9]*\)$/\1 \2/p" "$out")
    if [ -n "$m" ]; then
        set -- $m
        [ "$1" -ge 1 ] && good "$arch: a spinner that only preemption stops added $1 to task_preemptions" \
                       || bad "$arch: a spinner that only preemption stops added 0 to task_preemptions"
        [ "$2" -le 2 ] && good "$arch: 200 yields added $2 (a tick may land among them)" \
                       || bad "$arch: 200 yields added $2 to task_preemptions: a yield is not a preemption"
    fi
    status_is 0
done
