#!/bin/sh
# tangle/files.sh ARCH CH [EXTRA.nw...]
#
# Prints, in book order, the noweb files that chapter CH's kernel for ARCH
# is tangled from: the chapters CH builds on, then CH itself, each followed
# by its port arch/ARCH/NN-name.nw when there is one, then any EXTRA files
# (a student's answers, a test kernel), which continue the chapters' chunks.
# Order matters: a chunk's continuations are concatenated in it.
#
# A chapter builds on every earlier chapter unless its title says otherwise
# with a `builds-on` attribute listing chapter numbers, as chapter 16 does:
#     # Shared-memory queues {#ch-shmqueue builds-on="01 02 03 04 05 06"}
# Each chapter listed is taken whole, with the chapters it builds on in turn
# (a chapter that builds on 10 gets what 10 builds on).
#
#   tangle/files.sh --builds-on CH    prints the chapters CH builds on, one a line
set -u
top=$(dirname "$0")/..
only_chapters=no
[ "${1:-}" = --builds-on ] && { only_chapters=yes; set -- none "${2:-}"; }
arch=$1 ch=$2; shift 2

[ -f "$top/chapters/$ch.nw" ] || { echo "files: no chapter $ch" >&2; exit 2; }

# builds_on CH: the chapter numbers of CH's title attribute, or "all".
builds_on() {
    sed -n '1,/^# /{/^# .*builds-on="/{s/.*builds-on="\([^"]*\)".*/\1/p;q}}' "$top/chapters/$1.nw" |
        grep . || echo all
}

# needed CH: CH and, recursively, what it builds on, as chapter names.
needed() {
    echo "$1"
    on=$(builds_on "$1")
    for f in "$top"/chapters/[0-9][0-9]-*.nw; do
        c=$(basename "$f" .nw)
        [ "$c" = "$1" ] && break
        case " $on " in
        " all ") echo "$c" ;;
        *" ${c%%-*} "*) needed "$c" ;;
        esac
    done
}

list=$(needed "$ch" | sort -u)
if [ $only_chapters = yes ]; then echo "$list" | grep -vx "$ch"; exit 0; fi
for c in $list; do
    echo "chapters/$c.nw"
    [ -f "$top/arch/$arch/$c.nw" ] && echo "arch/$arch/$c.nw"
done
for f in "$@"; do echo "$f"; done
