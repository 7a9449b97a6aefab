#!/bin/sh
# tangle/files.sh ARCH CH [EXTRA.nw...]
#
# Prints, in book order, the noweb files that chapter CH's kernel for ARCH
# is tangled from: every chapter up to and including CH, each followed by
# its port arch/ARCH/NN-name.nw when there is one, then any EXTRA files
# (a student's exercises, a test kernel), which continue the chapters'
# chunks.  Order matters: a chunk's continuations are concatenated in it.
set -u
arch=$1 ch=$2; shift 2
top=$(dirname "$0")/..
found=no
for f in "$top"/chapters/[0-9][0-9]-*.nw; do
    c=$(basename "$f" .nw)
    echo "chapters/$c.nw"
    [ -f "$top/arch/$arch/$c.nw" ] && echo "arch/$arch/$c.nw"
    [ "$c" = "$ch" ] && { found=yes; break; }
done
[ $found = yes ] || { echo "files: no chapter $ch" >&2; exit 2; }
for f in "$@"; do echo "$f"; done
