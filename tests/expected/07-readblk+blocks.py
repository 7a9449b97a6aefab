# tests/kernels/blocks.nw with a disk whose head says LOOMDISK and whose
# blocks 1, 4096 and 131071 start with marks of their own.
import os
exec(open(os.path.join(HERE, "07-readblk.py")).read())

APP = [
    "Load app from disk ...",
    Interleave(["Wait for workers to exit ..."],
               ["worker1 checks head:", "[LOOMDISK]", "", "worker1 ok!"]),
    "Load app from disk ok!",
]

EXPECTED = BANNER + APP + [
    'blocks: 1 holds "the first" (status 0)',
    'blocks: 4096 holds "2 MiB in" (status 0)',
    'blocks: 131071 holds "the last block" (status 0)',
]
