# tests/kernels/lazy.nw: the crate's run, then 16 pages faulted in by
# reads and checked, a store below the stack's area and a jump into the
# stack, both ended as segmentation faults naming the address.
import os
exec(open(os.path.join(HERE, "10-lazymapping.py")).read())

EXPECTED = BANNER + APP + (
    user_run("/sbin/deep") + ["handle page fault OK!"] * 16 + EXIT + ["deep: exit [0]"] +
    user_run("/sbin/below") +
    ["userboot: segmentation fault at 0x3ffffefff8, exit!", "below: exit [-1]"] +
    user_run("/sbin/jump") +
    ["userboot: segmentation fault at 0x3ffffff000, exit!", "jump: exit [-1]"])
