# Exercise 6.2, round robin.  On each machine, with the grader's own test
# code (tests/graders/06.2.nw: the answer's rr_policy, two spinners for 200
# ticks, one at nice 5): the app's transcript and the grader's line; equal
# shares within 10 ticks; whole runs of 4 to 8 ticks (a slice of 5, give
# or take the ticks a loaded host lumps together); status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/06.2.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "does rr_take or rr_tick lose a task, or never give the processor away?"; then continue; fi
    app_then tests/expected/06-fairsched.py \
        'grader: rr: a ran {int} ticks, b (nice 5) ran {int}, in {int} whole runs of {int} to {int} ticks'
    m=$(sed -n 's/^grader: rr: a ran \([0-9]*\) ticks, b (nice 5) ran \([0-9]*\), in \([0-9]*\) whole runs of \([0-9]*\) to \([0-9]*\) ticks$/\1 \2 \3 \4 \5/p' "$out")
    if [ -n "$m" ]; then
        set -- $m
        d=$(( $1 > $2 ? $1 - $2 : $2 - $1 ))
        [ "$d" -le 10 ] && good "$arch: nice ignored: the two ran $1 and $2 ticks of 200" \
                        || bad "$arch: the two ran $1 and $2 ticks of 200: a round robin gives each the same"
        # A slice of 5 ticks: runs of 5, or a little longer when a loaded
        # host makes one interrupt count several ticks at once (the slice
        # is then used up by more than 5); never shorter than 4.
        [ "$3" -ge 20 ] && [ "$4" -ge 4 ] && [ "$5" -le 8 ] \
            && good "$arch: $3 whole runs, of $4 to $5 ticks (a slice of 5)" \
            || bad "$arch: $3 whole runs of $4 to $5 ticks; a slice of 5 gives about 40 runs of 5 ticks (4 to 8)"
    fi
    status_is 0
done
