# The crate's run (arceos-loadapp), written from its README and program
# (two lines end with a space: the crate prints each byte with one after
# it).  As in chapter 7, main's "Wait for workers" and worker1's lines may
# change places if a tick falls between the spawn and main's next line.
import os
exec(open(os.path.join(HERE, "banner.py")).read())

APP = [
    "Load app from fat-fs ...",
    "fname: /sbin/origin.bin",
    Interleave(["Wait for workers to exit ..."],
               ["worker1 checks code: ", "0x10 0x21 0x32 0x43 0x54 0x65 0x76 0x87 ", "worker1 ok!"]),
    "Load app from disk ok!",
]

EXPECTED = BANNER + APP
