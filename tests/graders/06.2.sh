# Exercise 6.2, round robin.  On each machine, with the grader's own test
# code (tests/graders/06.2.nw: the answer's rr_policy, two spinners for 200
# ticks, one at nice 5): the app's transcript and the grader's line; equal
# shares within 10 ticks, and as many more as came late (bunched by a
# stalled host into one interrupt); whole runs of median 4 to 6 ticks (a slice of 5;
# a loaded host lengthens a run now and then); status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/06.2.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "does rr_take or rr_tick lose a task, or never give the processor away?"; then continue; fi
    app_then tests/expected/06-fairsched.py \
        'grader: rr: a ran {int} ticks, b (nice 5) ran {int}, in {int} whole runs of median {int} ticks, {int} ticks late'
    m=$(sed -n 's/^grader: rr: a ran \([0-9]*\) ticks, b (nice 5) ran \([0-9]*\), in \([0-9]*\) whole runs of median \([0-9]*\) ticks, \([0-9]*\) ticks late$/\1 \2 \3 \4 \5/p' "$out")
    if [ -n "$m" ]; then
        set -- $m
        d=$(( $1 > $2 ? $1 - $2 : $2 - $1 ))
        [ "$d" -le $((10 + $5)) ] && good "$arch: nice ignored: the two ran $1 and $2 ticks of 200" \
                        || bad "$arch: the two ran $1 and $2 ticks of 200: a round robin gives each the same"
        # A slice of 5 ticks: runs of 5. A loaded host can make one interrupt
        # count several ticks, and a run longer: the median ignores it.
        [ "$3" -ge 20 ] && [ "$4" -ge 4 ] && [ "$4" -le 6 ] \
            && good "$arch: $3 whole runs, of median $4 ticks (a slice of 5)" \
            || bad "$arch: $3 whole runs of median $4 ticks; a slice of 5 gives about 40 runs of 5 ticks"
    fi
    status_is 0
done
