# Exercise 8.1, a directory listing.  On each machine, with a disk of the
# grader's (the crate's file, a second file in /sbin whose name and size
# are drawn for this grade, an empty /etc): the app's transcript, then
# exactly the two listings, / and /sbin; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
other=F$(printf '%05X' $(( ($(seed 1) << 4 | $(seed 2) >> 12) & 0xfffff ))).TXT
size=$((1 + $(seed 3) % 9999))
for arch in $ARCHES; do
    GRADER_DISK=$logs/08.1-$arch.img
    python3 -c 'import sys; sys.stdout.buffer.write(bytes((i * 0x11 + 0x10) & 0xff for i in range(64)))' > "$GRADER_DISK.origin"
    head -c "$size" /dev/zero | tr '\0' x > "$GRADER_DISK.other"
    tools/mkfat.sh "$GRADER_DISK" "$(var DISK_SIZE)" "$GRADER_DISK.origin:/sbin/origin.bin" \
        "$GRADER_DISK.other:/sbin/$other" "$GRADER_DISK.other:/etc/keep" > /dev/null
    MTOOLS_SKIP_CHECK=1 mdel -i "$GRADER_DISK" ::/etc/keep       # /etc stays, empty
    boot "$arch" || continue
    app_then tests/expected/08-loadapp.py 'ls: SBIN/' 'ls: ETC/' 'ls: ORIGIN.BIN 64' "ls: $other $size"
    got=$(grep '^ls: ' "$out" | tr '\n' '|')
    want="ls: SBIN/|ls: ETC/|ls: ORIGIN.BIN 64|ls: $other $size|"
    [ "$got" = "$want" ] && good "$arch: the listings of / and /sbin, exactly" \
        || bad "$arch: the listings were \"$got\", not \"$want\" (see $out)"
    status_is 0
done
