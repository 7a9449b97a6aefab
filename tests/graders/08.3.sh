# Exercise 8.3, a block cache.  On each machine, with a disk of the
# grader's (the crate's file, /big.bin of 40 sectors) and its test code
# (tests/graders/08.3.nw): the app's transcript; the second read of the
# small file misses nothing; the big file read twice misses at least its
# 40 sectors the second time, and reads back as written; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/08.3.nw
for arch in $ARCHES; do
    GRADER_DISK=$logs/08.3-$arch.img
    python3 - "$GRADER_DISK" <<'PY'
import sys
base = sys.argv[1]
open(base + ".origin", "wb").write(bytes((i * 0x11 + 0x10) & 0xff for i in range(64)))
open(base + ".big", "wb").write(bytes((i * 31 + 13) & 0xff for i in range(40 * 512)))
PY
    tools/mkfat.sh "$GRADER_DISK" "$(var DISK_SIZE)" "$GRADER_DISK.origin:/sbin/origin.bin" \
        "$GRADER_DISK.big:/big.bin" > /dev/null
    boot "$arch" || continue
    if hung "does a read wait on a sector that never comes?"; then continue; fi
    app_then tests/expected/08-loadapp.py 'grader: small {any}'
    m=$(sed -n 's/^grader: small \(-*[0-9]*\) then \(-*[0-9]*\) bytes, \([0-9]*\) then \([0-9]*\) misses; big \([0-9]*\) then \([0-9]*\) misses, \([a-zA-Z ]*\); \([0-9]*\) hits$/\1 \2 \3 \4 \5 \6 \8 \7/p' "$out")
    if [ -n "$m" ]; then
        set -- $m
        # (the app has read the small file already: even its first read may hit)
        [ "$1" -eq 64 ] && [ "$2" -eq 64 ] && [ "$4" -eq 0 ] \
            && good "$arch: the small file read again: $3, then $4 misses" \
            || bad "$arch: the small file: $1 then $2 bytes, $3 then $4 misses (64 bytes, and no miss the second time)"
        [ "$6" -ge 40 ] && [ "$8" = "as" ] \
            && good "$arch: the big file missed all its 40 sectors again ($6) and read back as written" \
            || bad "$arch: the big file: $5 then $6 misses, read back $8 $9 (40 misses again, as written)"
        [ "$7" -gt 0 ] && good "$arch: $7 hits in all" || bad "$arch: no hits at all"
    fi
    status_is 0
done
