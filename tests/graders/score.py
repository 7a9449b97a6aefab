#!/usr/bin/env python3
"""tests/graders/score.py GRADE_DIR EX ANSWER MACHINE...

Turns a grade's verdicts into points: prints the points of each machine
and "Score: N/100", and writes the same, check by check, to
GRADE_DIR/result.json.  tests/grade.sh calls it last.

How checks are worth points.  An exercise is worth 100, shared equally by
the machines graded (a host program's grader has one machine, "host").  A
machine's checks are the lines its grader printed (GRADE_DIR/MACHINE/lines)
that start with GOOD, BAD or MISSING.  The required ones, which lib.sh
makes for every run and also writes to GRADE_DIR/MACHINE/required (the
kernel builds, ends in time, ends as it should, the chapter's transcript
is intact), carry no points of their own: if one is BAD, the machine
scores nothing.  Otherwise the machine's share is divided equally among
its other checks, and each GOOD one earns its part.  A machine not graded
(a missing answer, STOP=1 after a failure) scores nothing.
"""
import json, os, sys, time

grade_dir, ex, answer, machines = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
share = 100.0 / len(machines)

def read(path):
    try:
        with open(path, errors="replace") as f:
            return [l.rstrip("\n") for l in f]
    except FileNotFoundError:
        return None

result = {"exercise": ex, "answer": answer, "max": 100, "machines": [],
          "missing": bool(os.environ.get("GRADE_MISSING")),
          "time": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
total = 0.0
for m in machines:
    lines = read(os.path.join(grade_dir, m, "lines"))
    required = read(os.path.join(grade_dir, m, "required")) or []
    entry = {"name": m, "max": share, "graded": lines is not None, "checks": []}
    checks = [l for l in lines or [] if l.split(" ", 1)[0] in ("GOOD", "BAD", "MISSING")]
    req = list(required)
    for l in checks:
        is_required = l in req
        if is_required:
            req.remove(l)
        entry["checks"].append({"verdict": l.split(" ", 1)[0], "required": is_required,
                                "text": l.split(" ", 1)[1].strip() if " " in l else ""})
    others = [c for c in entry["checks"] if not c["required"]]
    failed_required = any(c["verdict"] != "GOOD" for c in entry["checks"] if c["required"])
    if not entry["checks"] or failed_required:
        points = 0.0
    elif others:
        points = share * sum(c["verdict"] == "GOOD" for c in others) / len(others)
    else:
        points = share
    for c in entry["checks"]:
        c["points"] = round(share / len(others), 2) if (c in others and c["verdict"] == "GOOD"
                                                        and not failed_required) else 0
    entry["points"] = round(points, 2)
    total += points
    result["machines"].append(entry)
result["score"] = int(round(total))
result["passed"] = (not result["missing"] and all(e["graded"] for e in result["machines"]) and
                    all(c["verdict"] == "GOOD" for e in result["machines"] for c in e["checks"]) and
                    any(e["checks"] for e in result["machines"]))
path = os.path.join(grade_dir, "result.json")
with open(path, "w") as f:
    json.dump(result, f, indent=1)
    f.write("\n")

fmt = lambda x: ("%d" % x) if abs(x - round(x)) < 0.005 else ("%.1f" % x)
print("points: " + ", ".join("%s %s/%s%s" % (e["name"], fmt(e["points"]), fmt(share),
                                            "" if e["graded"] else " (not graded)")
                             for e in result["machines"]))
print("Score: %d/100 (%s)" % (result["score"], path))
