#!/bin/sh
# tests/grade.sh EX [ANSWER.nw]    (make grade EX=01.1 [ARCH=riscv64] [STOP=1] [ANSWER=file.nw])
#
# Grades exercise EX (NN.K) of chapter NN.  The answer is a noweb file that
# continues the chapter's chunks, by default exercises/NN.K.nw; the chapter
# itself is never edited.  The exercise's grader, tests/graders/EX.sh,
# prints one line per check, GOOD, BAD or MISSING.  A grader that boots
# kernels runs once per machine: GRADE_ARCHES names them (all four by
# default), GRADE_STOP=1 stops after the first machine with a BAD line.
#
# Each grade has a folder of its own, build/grade/EX/ANSWER (the answer's
# path, slashes made dashes; GRADE_DIR chooses another): its kernels, their
# transcripts, and result.json (not the disk images, which are removed).
# Two grades of different answers never share a file; two of the same
# answer take turns.  The grade ends with the points of each machine and
# "Score: N/100" (tests/graders/score.py says how checks are worth
# points), the same in result.json.  Exit status 0 only if every check is
# GOOD.
set -u
cd "$(dirname "$0")/.."
ex=${1:-}
case $ex in
[0-9][0-9].[0-9]*) ;;
*) echo "grade: give the exercise as EX=NN.K; exercises with a grader:" >&2
   ls tests/graders/ | sed -n 's/^\([0-9][0-9]\.[0-9]*\)\.sh$/  \1/p' >&2
   exit 2 ;;
esac
nn=${ex%%.*}
chapter=$(ls chapters/"$nn"-*.nw 2>/dev/null | head -n 1)
[ -n "$chapter" ] || { echo "grade: there is no chapter $nn" >&2; exit 2; }
CH=$(basename "$chapter" .nw)
[ -f "tests/graders/$ex.sh" ] || { echo "grade: exercise $ex has no grader (see the end of $chapter)" >&2; exit 2; }
ANSWER=${2:-exercises/$ex.nw}
case $ANSWER in "$PWD"/*) ANSWER=${ANSWER#"$PWD"/} ;; esac
GRADE_DIR=${GRADE_DIR:-build/grade/$ex/$(echo "${ANSWER%.nw}" | sed 's|^\./||; s|^/||; s|/|-|g')}
# A grader that loops over the machines runs once for each; one that does
# not (a host program) once, as the machine "host".
if grep -q '\$ARCHES' "tests/graders/$ex.sh"; then
    machines=${GRADE_ARCHES:-riscv64 aarch64 x86_64 loongarch64}
else
    machines=host
fi
# The tools, checked once here rather than by each make below.
if [ -z "${LOOM_TOOLS_OK:-}" ]; then
    sh tools/deps.sh --check >&2 || { echo "grade: tools are missing: make deps" >&2; exit 2; }
    export LOOM_TOOLS_OK=yes
fi
mkdir -p "$GRADE_DIR"
exec 9> "$GRADE_DIR/lock"
flock 9                                 # another grade of this answer finishes first
for m in $machines; do rm -rf "$GRADE_DIR/$m/lines" "$GRADE_DIR/$m/required"; done
rm -f "$GRADE_DIR/build-error" "$GRADE_DIR/result.json"
export CH ANSWER EX=$ex GRADE_DIR

score() {
    python3 tests/graders/score.py "$GRADE_DIR" "$ex" "$ANSWER" $machines
}
if [ ! -f "$ANSWER" ]; then
    echo "MISSING  $ANSWER: write your answer there, continuing the chunks of $chapter"
    echo "grade $ex: 0 good, 0 bad, 1 missing"
    GRADE_MISSING=1 score
    exit 1
fi

# This grade's nonce: sixteen hexadecimal digits that only the grader's own
# code can print (tests/graders/lib.sh, `trusted`), tangled into the kernel
# as grade/nonce.h and given to host programs in the environment.
GRADER_NONCE=$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')
export GRADER_NONCE
cat > "$GRADE_DIR/nonce.nw" <<EOF
The nonce of one grade, written by tests/grade.sh (see tests/graders/harness.nw).
A user program's source uses the chunk itself rather than the header, so
that its text changes with the nonce and make builds it again.

<<grade/nonce.h>>=
#ifndef LOOM_GRADE_NONCE_H
#define LOOM_GRADE_NONCE_H
<<grade: the nonce>>
#endif
@

<<grade: the nonce>>=
#define GRADER_NONCE "$GRADER_NONCE"
#define GRADER_SEED 0x$(echo "$GRADER_NONCE" | cut -c1-8)     /* the first eight digits, as a number */
#define GRADER "grader " GRADER_NONCE ": "
@
EOF

stopped=
for m in $machines; do
    if [ -n "$stopped" ]; then
        echo "         $m: not graded (STOP: $stopped failed)"
        continue
    fi
    mkdir -p "$GRADE_DIR/$m"
    GRADE_MACHINE=$m GRADE_ARCHES=$m sh "tests/graders/$ex.sh" | tee "$GRADE_DIR/$m/lines"
    # The flash and disk images are tens of MiB each and made again when
    # needed: a class's grades keep megabytes, not gigabytes.
    find "$GRADE_DIR/$m" -name '*.img' -delete
    [ -n "${GRADE_STOP:-}" ] && grep -q '^\(BAD\|MISSING\)' "$GRADE_DIR/$m/lines" && stopped=$m
done
all=$(for m in $machines; do cat "$GRADE_DIR/$m/lines" 2>/dev/null; done)
good=$(echo "$all" | grep -c '^GOOD'); bad=$(echo "$all" | grep -c '^BAD'); missing=$(echo "$all" | grep -c '^MISSING')
echo "grade $ex: $good good, $bad bad, $missing missing"
score
[ "$bad" -eq 0 ] && [ "$missing" -eq 0 ] && [ "$good" -gt 0 ] && [ -z "$stopped" ]
