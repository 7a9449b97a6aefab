#!/bin/sh
# tests/class.sh FOLDER [EX...]        (make class DIR=FOLDER [EX="01.1 05.2"] [TIMEOUT=900] [ARCH=riscv64])
#
# Grades a class: FOLDER holds one folder per student, each with that
# student's answer files, NN.K.nw (what `make handin` packs).  Every answer
# to the exercises EX (by default every NN.K.nw found in any student's
# folder) is graded as `make grade` grades it, in a folder of its own,
# CLASS_OUT/STUDENT/EX (CLASS_OUT: build/class/FOLDER, its path's slashes
# made dashes), so no two answers share a build.  Students are graded side
# by side, as many at once as the machine has processors (CLASS_JOBS), each
# within TIMEOUT seconds for all of their exercises (CLASS_TIMEOUT, 900 by
# default); the machines are GRADE_ARCHES (all four by default).
#
# It ends with one table, students by exercises: the score out of 100,
# "-" for no answer, "build" for an answer whose kernel or program did not
# build, "time" for a grade the student's time ran out on.  The same is in
# CLASS_OUT/results.csv, and every grade's result.json is beside its logs.
#   tests/class.sh --student NAME FOLDER OUT EX...   one student (class.sh calls itself)
set -u
cd "$(dirname "$0")/.."

# One student: every exercise, one after the other, within the student's
# time (a grade the time runs out on leaves no result.json).
if [ "${1:-}" = --student ]; then
    student=$2 folder=$3 out=$4; shift 4
    for ex in "$@"; do
        rm -f "$out/$student/$ex/result.json"
        mkdir -p "$out/$student/$ex"
    done
    timeout -k 10 "$CLASS_TIMEOUT" sh -c '
        student=$1 folder=$2 out=$3; shift 3
        for ex in "$@"; do
            [ -f "$folder/$student/$ex.nw" ] || continue
            GRADE_DIR=$out/$student/$ex tests/grade.sh "$ex" "$folder/$student/$ex.nw" \
                > "$out/$student/$ex/grade.log" 2>&1
        done' sh "$student" "$folder" "$out" "$@"
    case $? in
    124|137) echo "class: $student: out of time after ${CLASS_TIMEOUT}s" ;;
    *) echo "class: $student graded" ;;
    esac
    exit 0
fi

folder=${1:-}
[ -n "$folder" ] && [ -d "$folder" ] || {
    echo "class: give the class's folder, one folder per student holding NN.K.nw files: make class DIR=folder" >&2; exit 2; }
shift
folder=${folder%/}
out=${CLASS_OUT:-build/class/$(echo "$folder" | sed 's|^\./||; s|^/||; s|/|-|g')}
students=$(for d in "$folder"/*/; do [ -d "$d" ] && basename "$d"; done)
[ -n "$students" ] || { echo "class: $folder has no student folders" >&2; exit 2; }
exercises=${*:-$(for s in $students; do ls "$folder/$s"; done | sed -n 's/^\([0-9][0-9]\.[0-9]*\)\.nw$/\1/p' | sort -u)}
[ -n "$exercises" ] || { echo "class: no answer files (NN.K.nw) in $folder's student folders" >&2; exit 2; }
for ex in $exercises; do
    [ -f "tests/graders/$ex.sh" ] || { echo "class: exercise $ex has no grader" >&2; exit 2; }
done
mkdir -p "$out"
export CLASS_TIMEOUT=${CLASS_TIMEOUT:-900} LOOM_TOOLS_OK=yes
echo "class: $(echo $students | wc -w) students, exercises $(echo $exercises), in $out/"

# Each grade's kernels start as copies of the chapter's own build: make
# those first, once, rather than in every student's grade at once.
chapters=$(for ex in $exercises; do basename chapters/"${ex%%.*}"-*.nw .nw; done | sort -u)
for arch in ${GRADE_ARCHES:-riscv64 aarch64 x86_64 loongarch64}; do
    for ch in $chapters; do echo "$arch $ch"; done
done | xargs -P "${CLASS_JOBS:-$(nproc)}" -n 2 sh -c 'make -s build ARCH=$0 CH=$1 > /dev/null 2>&1 || echo "class: chapter $1 does not build on $0" >&2'

# The students, side by side; each runs this script again with --student.
for s in $students; do echo "$s"; done |
    xargs -P "${CLASS_JOBS:-$(nproc)}" -I{} tests/class.sh --student {} "$folder" "$out" $exercises

# The table, from each grade's result.json.
python3 - "$folder" "$out" "$students" "$exercises" <<'PY'
import csv, json, os, sys
folder, out, students, exercises = sys.argv[1], sys.argv[2], sys.argv[3].split(), sys.argv[4].split()
def cell(s, ex):
    if not os.path.exists(os.path.join(folder, s, ex + ".nw")):
        return "-"
    try:
        r = json.load(open(os.path.join(out, s, ex, "result.json")))
    except (OSError, ValueError):
        return "time"
    texts = [c["text"] for m in r["machines"] for c in m["checks"]]
    if any("does not build" in t or "does not compile" in t or "does not tangle" in t for t in texts) and r["score"] == 0:
        return "build"
    return str(r["score"])
rows = [[s] + [cell(s, ex) for ex in exercises] for s in students]
for row in rows:
    row.append(str(sum(int(c) for c in row[1:] if c.isdigit())))
head = ["student"] + exercises + ["total"]
width = [max(len(r[i]) for r in rows + [head]) for i in range(len(head))]
for r in [head] + rows:
    print("  ".join(c.ljust(width[0]) if i == 0 else c.rjust(width[i]) for i, c in enumerate(r)))
with open(os.path.join(out, "results.csv"), "w", newline="") as f:
    csv.writer(f).writerows([head] + rows)
print("class: %s (each grade: %s/STUDENT/EX/result.json and grade.log)" % (os.path.join(out, "results.csv"), out))
PY
