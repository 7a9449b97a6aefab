# Exercise 7.1, what is on the bus.  On each machine, with the grader's own
# test code (tests/graders/07.1.nw: where pci_find finds the disk) and one
# more device, a virtio entropy source (1af4:1005, class 00) in a slot of
# bus 0 drawn for this grade: the app's transcript, then the answer's
# lines and the grader's; the list well formed, with the host bridge, the
# disk and the grader's device in it, nothing twice; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/07.1.nw
slot=$(printf '%02x' $((8 + $(seed 1) % 23)))
for arch in $ARCHES; do
    boot "$arch" -device virtio-rng-pci,addr=0x$slot || continue
    if hung "does the walk loop on a missing device?"; then continue; fi
    app_then tests/expected/07-readblk.py 'pci {any}' 'grader: the disk is at {any}'
    python3 - "$out" "$arch" "$slot" <<'PY'
import re, sys
out, arch, slot = sys.argv[1], sys.argv[2], sys.argv[3]
lines = open(out, errors="replace").read().replace("\r", "").split("\n")
def say(ok, what): print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
listed = [l for l in lines if l.startswith("pci ")]
# A list without the device the grader added is not a walk of this bus:
# what else it says is not worth a check.
mine = "pci 00:%s.0 1af4:1005 class 00" % slot
say(mine in listed, "the grader's device is listed where it put it (\"%s\")" % mine)
if mine not in listed:
    sys.exit()
form = re.compile(r"pci ([0-9a-f]{2}):([0-9a-f]{2})\.([0-7]) ([0-9a-f]{4}):([0-9a-f]{4}) class ([0-9a-f]{2})$")
bad = [l for l in listed if not form.match(l)]
say(listed and not bad, "%d functions listed as \"pci BB:DD.F VVVV:DDDD class CC\"%s"
    % (len(listed), "; not so: %r" % bad[0] if bad else ""))
places = [l[4:11] for l in listed]
say(len(places) == len(set(places)), "no function listed twice")
say(any(l.endswith("class 06") for l in listed), "the host bridge (class 06) is listed")
m = [re.match(r"grader: the disk is at (\S+), (\S+)$", l) for l in lines]
m = [x for x in m if x]
if m:
    where, ids = m[0].group(1), m[0].group(2)
    say(any(l.startswith("pci %s %s class 01" % (where, ids)) for l in listed),
        "the disk is listed where the driver found it, %s %s, class 01 (mass storage)" % (where, ids))
PY
    status_is 0
done
