# Exercise 8.3, a block cache.  On each machine, with a disk of the
# grader's (the crate's file, /big.bin of 40 sectors) and its test code
# (tests/graders/08.3.nw, which also counts what the disk itself is asked
# for): the app's transcript; the second read of the small file asks the
# disk for nothing; the big file, read twice, is read from the disk again,
# 40 sectors at least, and reads back as written; bcache_misses counts the
# disk's reads; status 0.
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
    d=$(sed -n 's/^grader: the disk was asked for \([0-9]*\), \([0-9]*\), \([0-9]*\) and \([0-9]*\) sectors$/\1 \2 \3 \4/p' "$out")
    m=$(sed -n 's/^grader: small \(-*[0-9]*\) then \(-*[0-9]*\) bytes, \([0-9]*\) then \([0-9]*\) misses; big \([0-9]*\) then \([0-9]*\) misses, \([a-zA-Z ]*\); \([0-9]*\) hits$/\1 \2 \3 \4 \5 \6 \8 \7/p' "$out")
    if [ -n "$m" ] && [ -n "$d" ]; then
        set -- $d; d1=$1 d2=$2 d3=$3 d4=$4
        # $1 $2: bytes of the two small reads; $3 $4: their misses; $5 $6:
        # the big file's; $7: hits; $8 $9: "as written".
        set -- $m
        # (the app has read the small file already: even its first read may hit)
        [ "$1" -eq 64 ] && [ "$2" -eq 64 ] && [ "$d2" -eq 0 ] \
            && good "$arch: the small file read again: the disk was asked for nothing" \
            || bad "$arch: the small file: $1 then $2 bytes; the second read asked the disk for $d2 sectors (64 bytes, and none, expected)"
        [ "$d4" -ge 40 ] && [ "$8" = "as" ] \
            && good "$arch: the big file, larger than the cache, was read from the disk again ($d4 sectors) and as written" \
            || bad "$arch: the big file: the second read asked the disk for $d4 sectors, read back $8 $9 (40 at least, as written)"
        [ "$3 $4 $5 $6" = "$d1 $d2 $d3 $d4" ] \
            && good "$arch: bcache_misses counts what the disk was asked for ($3, $4, $5, $6)" \
            || bad "$arch: bcache_misses counted $3, $4, $5, $6 misses, but the disk was asked for $d1, $d2, $d3, $d4 sectors"
        [ "$7" -gt 0 ] && good "$arch: $7 hits in all" || bad "$arch: no hits at all"
    else
        bad "$arch: the grader's lines did not come (see $out)"
    fi
    status_is 0
done
