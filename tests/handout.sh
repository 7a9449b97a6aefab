#!/bin/sh
# tests/handout.sh          (make handout [UPTO=NN] [HANDOUT=dir.git])
#
# The student tree: what is committed here (HEAD), less the reference
# solutions (tests/solutions/: the answers, and the answers that only
# print), and with UPTO=NN less every chapter after NN (its text, its
# ports, its graders, its expected transcripts).
#
# It is handed out as a git repository, HANDOUT (build/handout/loom.git by
# default; a course keeps it outside build/, which `make clean` removes):
# each run adds one commit to its branch main, on top of the last, so a
# student who cloned it merges the next chapters in with `git pull`; their
# answers, exercises/NN.K.nw, are files the handout never has, so the
# merge has nothing to conflict with.  The same tree is also written to
# build/handout/loom/ and build/handout/loom.tar.gz.
set -eu
cd "$(dirname "$0")/.."
repo=${HANDOUT:-build/handout/loom.git}
upto=${UPTO:-}
case $upto in ""|[0-9][0-9]) ;; *) echo "handout: UPTO is a chapter number, NN (01, 05 ...)" >&2; exit 2 ;; esac
tree=build/handout/loom
source=$(git rev-parse --short HEAD)
name=$(git config user.name || echo "Loom handout")
email=$(git config user.email || echo handout@loom.invalid)
rm -rf "$tree" build/handout/loom.tar.gz
mkdir -p "$tree"
git archive HEAD | tar -x -C "$tree"
rm -rf "$tree/tests/solutions"
if [ -n "$upto" ]; then
    for f in "$tree"/chapters/[0-9][0-9]-*.nw; do
        nn=$(basename "$f" | cut -c1-2)
        [ "$nn" -gt "$upto" ] || continue
        ch=$(basename "$f" .nw)
        rm -f "$f" "$tree"/arch/*/"$ch".nw "$tree"/tests/expected/"$ch".* "$tree"/tests/expected/"$ch"+* \
              "$tree"/tests/graders/"$nn".* "$tree"/tests/graders/"$nn"-*
    done
fi
tar -C build/handout -czf build/handout/loom.tar.gz loom

# The commit: the tree above, whole, on top of the handout's last commit.
[ -d "$repo" ] || git init -q --bare "$repo"
git -C "$repo" symbolic-ref HEAD refs/heads/main
index=$PWD/build/handout/index         # git's index of the commit, apart from this tree's
rm -f "$index"
trap 'rm -f "$index"' EXIT
export GIT_DIR="$repo" GIT_WORK_TREE="$tree" GIT_INDEX_FILE="$index"
parent=$(git rev-parse -q --verify refs/heads/main || true)
git add -A
new=$(git write-tree)
if [ -n "$parent" ] && [ "$(git rev-parse "$parent^{tree}")" = "$new" ]; then
    echo "handout: $repo unchanged (main is $(git rev-parse --short "$parent"))"
    exit 0
fi
commit=$(git -c user.name="$name" -c user.email="$email" commit-tree "$new" ${parent:+-p "$parent"} \
    -m "Loom handout${upto:+, chapters up to $upto}" -m "From $source, $(date -u +%Y-%m-%d).")
git update-ref refs/heads/main "$commit"
echo "handout: $repo, branch main at $(git rev-parse --short "$commit")${upto:+ (chapters up to $upto)}"
echo "         students: git clone $repo loom; later, in loom: git pull"
echo "         also build/handout/loom/ and build/handout/loom.tar.gz (without tests/solutions/)"
