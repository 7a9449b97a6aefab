# Exercise 10.3, the shared zero page.  On each machine, with the
# grader's programs (tests/graders/10-ARCH.nw) and test code (10.3.nw):
# the app's transcript, then /sbin/zeros reading zeros and keeping what
# it stored, through exactly 16 faults by the kernel's record (8 reads of
# pages not mapped, then 8 writes to pages mapped, all to one frame: the
# zero page); status 0 (the shared frame is not freed as the program's).
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
for arch in $ARCHES; do
    GRADER_NW="tests/graders/10.3.nw tests/graders/10-$arch.nw"
    boot "$arch" || continue
    if hung "does a write to the zero page fault forever? (a stale TLB entry, or the page left read-only)"; then continue; fi
    app_then tests/expected/10-lazymapping.py 'grader: zeros: exit [0]'
    faults=$(sed -n 's/^grader: zeros: \([0-9]* faults: .*\)$/\1/p' "$out")
    [ "$faults" = "16 faults: 8 reads of pages not mapped, 8 writes to mapped pages all of one frame, 0 others" ] \
        && good "$arch: by the kernel's record, 8 reads mapped one shared frame, then 8 writes replaced it" \
        || bad "$arch: by the kernel's record, ${faults:-no faults} (16: 8 reads of pages not mapped, 8 writes to pages mapped to one frame, expected)"
    status_is 0
done
