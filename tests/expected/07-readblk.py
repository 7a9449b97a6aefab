# The crate's run (arceos-readblk), written from its README and program.
# The README's order holds because main runs until it blocks in its join;
# a timer tick between the spawn and main's next line (chapter 6) can let
# worker1 speak first, so main's line and worker1's interleave.
import os
exec(open(os.path.join(HERE, "banner.py")).read())

APP = [
    "Load app from disk ...",
    Interleave(["Wait for workers to exit ..."],
               ["worker1 checks head:", "[mkfs.fat]", "", "worker1 ok!"]),
    "Load app from disk ok!",
]

EXPECTED = BANNER + APP
