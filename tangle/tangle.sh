#!/bin/sh
# tangle/tangle.sh OUTDIR FILE.nw...
#
# Writes every root chunk of the given noweb files (in the given order: a
# chunk defined again in a later file is continued, as notangle does) to
# OUTDIR/<root name>.  The files are parsed once by noweb's markup; each
# root is then expanded by noweb's nt from that one stream.
#
# - C, header and assembly files get `notangle -L` #line directives, so the
#   compiler, gdb and addr2line name chapters/NN-name.nw:LINE; linker
#   scripts get /* file:line */ comments (ld has no #line).
# - Output goes through cpif: an unchanged file keeps its timestamp, so a
#   prose edit rebuilds only what moved.
# - Generated files are read-only: edit the .nw, never build/.
# - A file whose root has gone since the last run is removed.
# - With TANGLE_ARCH set, the chunks of other machines' ports (their names
#   start with the machine, "aarch64 trap: ...") are not this kernel's
#   business: a student's answer file may hold code for all four.
set -u
arches="riscv64 aarch64 x86_64 loongarch64"
out=$1; shift
lib=/usr/lib/noweb
status=0
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tangle.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

for f in "$@"; do
    [ -r "$f" ] || { echo "tangle: cannot read $f" >&2; exit 1; }
done
"$lib/markup" -t "$@" > "$tmp/stream" || { echo "tangle: noweb markup failed on $*" >&2; exit 1; }

# Roots, found as noroots finds them: defined, never used inside code.
awk '/^@quote$/ { q = 1 } /^@endquote$/ { q = 0 }
     /^@defn / { d[substr($0, 7)] = 1 }
     /^@use / && !q { u[substr($0, 6)] = 1 }
     END { for (c in d) if (!(c in u)) print c }' "$tmp/stream" | LC_ALL=C sort > "$tmp/roots"

: > "$tmp/manifest"
while IFS= read -r root; do
    other=no
    for a in $arches; do
        case $root in "$a "*) [ "$a" = "${TANGLE_ARCH:-}" ] || other=yes ;; esac
    done
    [ $other = yes ] && continue
    case $root in
    *.c|*.h|*.S) fmt='#line %L "%F"%N' ;;
    *.ld)        fmt='/* %F:%L */%N' ;;
    */*|*.*)     fmt='' ;;
    *) echo "tangle: root chunk <<$root>> is not a file name (a misspelt or unused chunk?)" >&2
       status=1; continue ;;
    esac
    if [ -n "$fmt" ]; then
        "$lib/nt" -t -L"$fmt" -R"$root" < "$tmp/stream" > "$tmp/out"
    else
        "$lib/nt" -t8 -R"$root" < "$tmp/stream" > "$tmp/out"
    fi || { echo "tangle: expanding <<$root>> failed" >&2; status=1; continue; }
    mkdir -p "$out/$(dirname "$root")"
    [ -f "$out/$root" ] && chmod u+w "$out/$root"
    cpif "$out/$root" < "$tmp/out"
    chmod a-w "$out/$root"
    echo "$root" >> "$tmp/manifest"
done < "$tmp/roots"

LC_ALL=C sort "$tmp/manifest" > "$tmp/now"
if [ -f "$out/.tangled" ]; then
    comm -23 "$out/.tangled" "$tmp/now" | while IFS= read -r gone; do
        rm -f "$out/$gone"
    done
fi
cp "$tmp/now" "$out/.tangled"
exit $status
