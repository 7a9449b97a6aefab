# tests/kernels/timer.nw: the crate's run, then the timer's checks.
import os, re
exec(open(os.path.join(HERE, "06-fairsched.py")).read())

EXPECTED = BANNER + APP + [
    "timer: the setter ran while the spinner spun",
    "timer: the spinner saw the flag after {int} ticks",
    "timer: nice 0 ran {int} ticks, nice 5 ran {int} ticks, {int} ticks came late",
    "timer: slept 10 ms: {int} ticks",
    "timer: slept 20 ms: {int} ticks",
    "timer: slept 30 ms: {int} ticks",
    "timer: main slept 1000 ms: {int} ticks",
    "timer: {int} ticks since the timer started",
]

def check(lines):
    problems = []
    text = "\n".join(lines)
    m = re.search(r"nice 0 ran (\d+) ticks, nice 5 ran (\d+) ticks, (\d+) ticks came late", text)
    a, b, late = int(m.group(1)), int(m.group(2)), int(m.group(3))
    # 300 ticks shared 1024 : 335, give or take a few at the edges, and the
    # ticks a stalled host bunched together (each charged to whoever ran)
    if not (abs(a - 300 * 1024 / 1359) <= 8 + late and abs(b - 300 * 335 / 1359) <= 8 + late):
        problems.append("nice 0 and nice 5 ran %d and %d ticks; their shares of 300 are 226 and 74" % (a, b))
    for ms, ticks in re.findall(r"slept (\d+) ms: (\d+) ticks", text):
        # at least ms (a tick is 10 ms); the kernel wakes a sleeper at most a
        # tick late, and the count can be a tick more (the one it began in);
        # three more allow for a host that stalls QEMU, whose next interrupt
        # then counts every tick it missed at once
        if not ms_ok(int(ms), int(ticks)):
            problems.append("a sleep of %s ms took %s ticks of 10 ms" % (ms, ticks))
    # the harness times the whole run (ELAPSED_MS); the kernel's ticks,
    # 10 ms each, cannot add up to more than that
    ticks = int(re.search(r"timer: (\d+) ticks since the timer started", text).group(1))
    if "ELAPSED_MS" in VALUES and int(VALUES["ELAPSED_MS"]) < ticks * 10:
        problems.append("the kernel counted %d ticks of 10 ms in a run of %s ms of real time: "
                        "its ticks are too short (is the counter's rate right?)" % (ticks, VALUES["ELAPSED_MS"]))
    return problems

def ms_ok(ms, ticks):
    return ms // 10 <= ticks <= ms // 10 + 5
