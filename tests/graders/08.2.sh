# Exercise 8.2, long names.  On each machine, with a disk of the grader's
# (the crate's file, /sbin/a-long-file-name.text, /Mixed Case Dir/Some
# File.txt) and its test code (tests/graders/08.2.nw): the app's
# transcript; both files opened and read as written, the second under
# another case; a missing long name still "no ... here"; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/08.2.nw
for arch in $ARCHES; do
    GRADER_DISK=$logs/08.2-$arch.img
    python3 - "$GRADER_DISK" <<'PY'
import sys
base = sys.argv[1]
open(base + ".origin", "wb").write(bytes((i * 0x11 + 0x10) & 0xff for i in range(64)))
open(base + ".a", "wb").write(bytes((i * 31 + 11) & 0xff for i in range(1000)))
open(base + ".b", "wb").write(bytes((i * 31 + 12) & 0xff for i in range(3000)))
PY
    tools/mkfat.sh "$GRADER_DISK" "$(var DISK_SIZE)" "$GRADER_DISK.origin:/sbin/origin.bin" \
        "$GRADER_DISK.a:/sbin/a-long-file-name.text" "$GRADER_DISK.b:/Mixed Case Dir/Some File.txt" > /dev/null
    boot "$arch" || continue
    if hung "does the long-name walk end?"; then continue; fi
    app_then tests/expected/08-loadapp.py 'grader: {any}'
    for line in 'grader: /sbin/a-long-file-name.text: 1000 bytes, as written' \
                'grader: /mixed case dir/SOME FILE.TXT: 3000 bytes, as written'; do
        grep -qxF "$line" "$out" && good "$arch: ${line#grader: }" \
            || bad "$arch: $(grep -m1 "^grader: ${line#grader: }" "$out" 2>/dev/null || grep -m1 "^grader: /" "$out" | sed 's/^grader: //') (wanted \"${line#grader: }\")"
    done
    grep -q "^grader: a missing long name: .*no 'no-such-long-name.text' here" "$out" \
        && good "$arch: a missing long name is \"no ... here\"" \
        || bad "$arch: $(grep '^grader: a missing' "$out" | head -n 1 | sed 's/^grader: //')"
    status_is 0
done
