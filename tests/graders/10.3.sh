# Exercise 10.3, the shared zero page.  On each machine, with the
# grader's programs (tests/graders/10-ARCH.nw) and test code (10.3.nw):
# the app's transcript, then /sbin/zeros reading zeros and keeping what
# it stored, through exactly 16 handled faults (8 reads mapped to the
# zero page, 8 writes given pages of their own); status 0 (the shared
# frame is not freed as the program's).
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
for arch in $ARCHES; do
    GRADER_NW="tests/graders/10.3.nw tests/graders/10-$arch.nw"
    boot "$arch" || continue
    if hung "does a write to the zero page fault forever? (a stale TLB entry, or the page left read-only)"; then continue; fi
    app_then tests/expected/10-lazymapping.py 'grader: zeros: exit [0]'
    n=$(awk '/^app: \/sbin\/zeros$/ { on = 1 } /^grader: zeros:/ { on = 0 } on && /^handle page fault OK!$/ { n++ } END { print n + 0 }' "$out")
    [ "$n" -eq 16 ] && good "$arch: 16 faults handled: 8 reads of the zero page, 8 writes" \
                    || bad "$arch: $n faults handled, not 16 (8 reads of the shared page, then 8 writes)"
    status_is 0
done
