#!/bin/sh
# tests/host.sh SRC OUT FILE.c...
#
# Builds a host test, the one place where its compile line is written
# (tests/run.sh's host tests and the graders of host exercises call it):
# the FILEs, paths inside the tangled tree SRC (the test first, then the
# kernel files it tests), every file a `links:` comment in the first FILE
# names, and chapter 1's fake machine, tests/host/fake/arch.c, compiled
# natively into the program OUT, under AddressSanitizer and
# UndefinedBehaviorSanitizer, or ThreadSanitizer if the first FILE says
# "sanitize: thread".  Exit status 0 if it built; the compiler's messages
# go to the standard error.
set -u
[ $# -ge 3 ] || { echo "usage: tests/host.sh SRC OUT FILE.c..." >&2; exit 2; }
src=$1 out=$2
shift 2
first=$src/$1
[ -f "$first" ] || { echo "host: there is no $first" >&2; exit 2; }
links=$(grep -o 'links:[^*;]*' "$first" | sed 's/^links://')
sanitize=address,undefined
grep -q 'sanitize: thread' "$first" && sanitize=thread
files=
for f in "$@" $links tests/host/fake/arch.c; do
    case " $files " in *" $src/$f "*) continue ;; esac     # each file once
    [ -f "$src/$f" ] || { echo "host: $1 needs $f, which $src does not have" >&2; exit 2; }
    files="$files $src/$f"
done
mkdir -p "$(dirname "$out")"
exec clang-19 -std=gnu11 -g -O1 -Wall -Wextra -Werror -fsanitize=$sanitize -pthread \
    -fno-sanitize-recover=all -fno-omit-frame-pointer -I"$src" -DLOOM_CHAPTER='"host"' \
    -o "$out" $files
