# The crate's run (arceos-fairsched): its main, then two workers whose lines
# interleave as the timer decides.  Written from the crate's program: each
# task's lines in its own order, merged in any order.  Task ids are the
# kernel's own (ArceOS counts two helper tasks of its own, and prints 4
# and 5), so ThreadId takes any number.
LOOP_NUM = 256

import os
exec(open(os.path.join(HERE, "banner.py")).read())

MAIN = ["Wait for workers to exit ..."]
WORKER1 = (["worker1 ... ThreadId({int})"]
           + ["worker1 [%d]" % i for i in range(LOOP_NUM + 1)]
           + ["worker1 ok!"])
WORKER2 = (["worker2 ... ThreadId({int})"]
           + [line for i in range(LOOP_NUM + 1)
              for line in (Many("worker2: nothing to do!"), "worker2 [%d]" % i)]
           + ["worker2 ok!"])

APP = [
    "Multi-task(Preemptible) is starting ...",
    Interleave(MAIN, WORKER1, WORKER2),
    "Multi-task(Preemptible) ok!",
]

EXPECTED = BANNER + APP
