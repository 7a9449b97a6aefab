# Exercise 7.3, many requests in flight.  On each machine, with the
# grader's own test code (tests/graders/07.3.nw: 64 blocks, scrambled, in
# one call) and a disk whose blocks start with their numbers: the app's
# transcript and the grader's line; all 64 right; at least 2 and at most 5
# requests in flight at once; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/07.3.nw
marks=$(python3 -c 'print(" ".join("%d:block %d" % (b, b) for b in ((i * 37 + 11) % 64 * 2047 + 1 for i in range(64))))')
for arch in $ARCHES; do
    GRADER_DISK=$logs/07.3-$arch.img
    ( IFS=' '; set -f; eval "set -- $(echo "$marks" | sed 's/\([0-9]*\):block \([0-9]*\)/"\1:block \2"/g')"
      tools/mkdisk.sh "$GRADER_DISK" "$(var DISK_SIZE)" mkfs.fat "$@" )
    boot "$arch" || continue
    if hung "does a completion get lost, or a slot never freed?"; then continue; fi
    app_then tests/expected/07-readblk.py 'grader: read_many: {any}'
    m=$(sed -n 's/^grader: read_many: status \(-*[0-9]*\), \([0-9]*\) of 64 blocks right, at most \([0-9]*\) in flight$/\1 \2 \3/p' "$out")
    if [ -n "$m" ]; then
        set -- $m
        [ "$1" -eq 0 ] && [ "$2" -eq 64 ] && good "$arch: 64 blocks read in one call, each the right one" \
            || bad "$arch: status $1, $2 of 64 blocks right"
        [ "$3" -ge 2 ] && [ "$3" -le 5 ] && good "$arch: at most $3 requests in flight at once" \
            || bad "$arch: at most $3 requests in flight at once; 2 to 5 expected (three descriptors each of 16)"
    fi
    status_is 0
done
