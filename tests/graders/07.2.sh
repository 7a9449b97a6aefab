# Exercise 7.2, writing a block.  On each machine, with the grader's own
# test code (tests/graders/07.2.nw: blocks 100 and 131071 written with a
# pattern, read back) and a disk of the grader's: the app's transcript and
# the grader's lines, both blocks read back as written; then, on the host,
# the pattern in the disk image at both blocks and block 0 as it was;
# status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/07.2.nw
for arch in $ARCHES; do
    GRADER_DISK=$logs/07.2-$arch.img
    tools/mkdisk.sh "$GRADER_DISK" "$(var DISK_SIZE)"
    boot "$arch" || continue
    if hung "does the write wait for its request?"; then continue; fi
    app_then tests/expected/07-readblk.py 'grader: block 100: {any}' 'grader: block 131071: {any}'
    for block in 100 131071; do
        if grep -qx "grader: block $block: write status 0, read status 0, read back as written" "$out"; then
            good "$arch: block $block written and read back"
        else
            bad "$arch: block $block: $(grep "^grader: block $block:" "$out" | head -n 1 || echo 'no line') (see $out)"
        fi
    done
    python3 - "$GRADER_DISK" "$arch" <<'PY'
import sys
disk, arch = sys.argv[1], sys.argv[2]
def say(ok, what): print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
with open(disk, "rb") as f:
    image = f.read()
for block in (100, 131071):
    want = bytearray((i * 7 + block) & 0xff for i in range(512))
    text = b"loom block %d" % block
    want[:len(text) + 1] = text + b"\0"
    got = image[512 * block: 512 * block + 512]
    say(got == bytes(want), "the disk image holds the pattern at block %d (the write reached the disk)" % block)
say(image[:13] == b"\xeb\x3c\x90mkfs.fat\x00\x02" and image[13:512] == bytes(499),
    "block 0 of the disk image is as it was")
PY
    status_is 0
done
