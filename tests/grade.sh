#!/bin/sh
# tests/grade.sh EX [ANSWER.nw]       (make grade EX=01.1)
#
# Grades exercise EX (NN.K) of chapter NN.  The answer is a noweb file that
# continues the chapter's chunks, by default exercises/NN.K.nw; the
# chapter itself is never edited.  The exercise's grader, tests/graders/EX.sh,
# prints one line per check, GOOD, BAD or MISSING, and this script ends with
# a summary.  Exit status 0 only if every check is GOOD.
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
if [ ! -f "$ANSWER" ]; then
    echo "MISSING  $ANSWER: write your answer there, continuing the chunks of $chapter"
    echo "grade $ex: 0 good, 0 bad, 1 missing"
    exit 1
fi
export CH ANSWER EX=$ex
results=$(mktemp)
trap 'rm -f "$results"' EXIT
sh "tests/graders/$ex.sh" | tee "$results"
good=$(grep -c '^GOOD' "$results"); bad=$(grep -c '^BAD' "$results"); missing=$(grep -c '^MISSING' "$results")
echo "grade $ex: $good good, $bad bad, $missing missing"
[ "$bad" -eq 0 ] && [ "$missing" -eq 0 ] && [ "$good" -gt 0 ]
