# tests/kernels/readers.nw: the crate's run, then three readers sharing
# the disk, each of whose 800 reads must bring back its own marked block.
import os, re
exec(open(os.path.join(HERE, "07-readblk.py")).read())

EXPECTED = BANNER + APP + [
    "readers: reader 1 read its blocks 800 times: 800 right, 0 wrong, 0 failed",
    "readers: reader 2 read its blocks 800 times: 800 right, 0 wrong, 0 failed",
    "readers: reader 3 read its blocks 800 times: 800 right, 0 wrong, 0 failed",
    "readers: {int} reads began while another reader's was under way",
]

def check(lines):
    # the readers must really have met in the driver, or nothing was tested
    m = re.search(r"readers: (\d+) reads began while another", "\n".join(lines))
    if m and int(m.group(1)) < 100:
        return ["only %s of 2400 reads overlapped another: the readers did not share the disk" % m.group(1)]
    return []
