#!/bin/sh
# tests/handin.sh           (make handin [STUDENT=name])
#
# Packs exactly the student's answers, the files exercises/NN.K.nw, into
# build/handin/STUDENT.tar.gz, inside a folder named STUDENT (by default
# the git user name, or the login name, made a file name): a teacher
# unpacks every student's archive into one folder and grades the class
# with `make class DIR=folder`.  Nothing else of the tree goes in.
set -eu
cd "$(dirname "$0")/.."
student=${STUDENT:-$(git config user.name 2>/dev/null || id -un)}
student=$(echo "$student" | tr -cs 'A-Za-z0-9._-' '-' | sed 's/^-*//; s/-*$//')
[ -n "$student" ] || { echo "handin: give your name: make handin STUDENT=name" >&2; exit 2; }
answers=$(ls exercises/ | grep -x '[0-9][0-9]\.[0-9][0-9]*\.nw' || true)
[ -n "$answers" ] || { echo "handin: no answers in exercises/ (files named NN.K.nw)" >&2; exit 1; }
others=$(ls exercises/ | grep -vx '[0-9][0-9]\.[0-9][0-9]*\.nw' | grep -vx README.md || true)
[ -z "$others" ] || echo "handin: left out (not an answer file NN.K.nw):" $others
stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$student" build/handin
for a in $answers; do cp "exercises/$a" "$stage/$student/"; done
tar -C "$stage" -czf "build/handin/$student.tar.gz" "$student"
echo "handin: build/handin/$student.tar.gz:" $answers
