#!/bin/sh
# tests/handout.sh: the student tree, build/handout/loom/: what is committed,
# less the reference solutions.  A teacher hands out this folder (or its
# tarball, build/handout/loom.tar.gz).
set -eu
cd "$(dirname "$0")/.."
rm -rf build/handout
mkdir -p build/handout/loom
git archive HEAD | tar -x -C build/handout/loom
rm -rf build/handout/loom/tests/solutions
tar -C build/handout -czf build/handout/loom.tar.gz loom
echo "handout: build/handout/loom/ and build/handout/loom.tar.gz (without tests/solutions/)"
