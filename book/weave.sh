#!/bin/sh
# weave.sh -- weave Loom's .nw files into the HTML book (or an EPUB).
#
#   book/weave.sh OUTDIR FILE.nw...           OUTDIR/index.html, NN-name.html per chapter,
#                                             chunks.html, identifiers.html, figures/*.svg
#   book/weave.sh --epub BOOK.epub FILE.nw...
#
# FILEs in book order: each chapter followed by its ports.  Run it from the
# top of the repository: the book shows the paths given here, and they must
# match those of the #line directives in the tangled trees.
#
# Stages (book/README.md says more):
#   1. noweb's markup parses the files into noweb's pipeline stream;
#   2. identifier definitions are marked, from universal-ctags over the
#      tangled trees build/*/*/src (identifier-defs.sh, insert-defs.awk), or
#      else by noweb's autodefs.c; noweb's finduses then marks every use;
#   3. noweb-to-markdown.awk writes pandoc Markdown plus the cross-references
#      as HTML, and stops the build, naming file:line, if a chunk is used but
#      never defined;
#   4. one pandoc run with html-pages.lua highlights and links the code and
#      writes the pages.
# LOOM_TANGLED="dir..." overrides the tangled trees that stage 2 reads.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
noweb_lib=${NOWEB_LIB:-/usr/lib/noweb}
die() { echo "weave: $*" >&2; exit 1; }
usage() { echo "usage: $0 OUTDIR FILE.nw...  |  $0 --epub BOOK.epub FILE.nw..." >&2; exit 2; }

epub="" outdir=""
if [ "${1:-}" = "--epub" ]; then
    [ $# -ge 2 ] || usage
    epub=$2; shift 2
else
    [ $# -ge 1 ] || usage
    outdir=$1; shift
fi
[ $# -ge 1 ] || usage
for tool in pandoc dot "$noweb_lib/markup" "$noweb_lib/finduses" "$noweb_lib/autodefs.c"; do
    command -v "$tool" >/dev/null 2>&1 || die "$tool not found (make deps installs noweb, pandoc and graphviz)"
done
files=""
for f in "$@"; do
    [ -f "$f" ] || die "$f: no such file"
    files="$files ${f#./}"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/loom-weave.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1. the noweb stream
# shellcheck disable=SC2086
"$noweb_lib/markup" $files > "$work/markup" || die "noweb's markup failed"

# 2. identifier definitions (ctags when the tangled trees are there), then uses
trees=${LOOM_TANGLED:-$(ls -d build/*/*/src 2>/dev/null || true)}
: > "$work/defs.tsv"
if [ -n "$trees" ] && ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
    # shellcheck disable=SC2086
    "$here/identifier-defs.sh" $trees > "$work/defs.tsv"
fi
if [ -s "$work/defs.tsv" ]; then
    awk -f "$here/insert-defs.awk" "$work/defs.tsv" "$work/markup" > "$work/defined"
else
    echo "weave: note: no tangled trees under build/ (or no universal-ctags):" \
         "identifiers found by noweb's autodefs.c" >&2
    "$noweb_lib/autodefs.c" < "$work/markup" > "$work/defined"
fi
"$noweb_lib/finduses" < "$work/defined" > "$work/stream" || die "noweb's finduses failed"

# 3. Markdown, and the cross-references as HTML in a side file
awk -v xref="$work/xref.tsv" -f "$here/noweb-to-markdown.awk" "$work/stream" "$work/stream" > "$work/woven.md"
cat "$here/front.md" "$work/woven.md" > "$work/book.md"

# 4. pandoc, once
set -- -f commonmark_x-emoji-task_lists-raw_tex --lua-filter="$here/html-pages.lua" \
       -M loom-xref="$work/xref.tsv"
if [ -n "$epub" ]; then
    pandoc "$@" -t epub3 --toc --toc-depth=2 -N --css="$here/book.css" --css="$here/highlight.css" \
        -M loom-outdir="$work" -M lang=en -o "$epub" "$work/book.md"
    echo "weave: wrote $epub"
else
    mkdir -p "$outdir"
    rm -f "$outdir"/*.html "$outdir"/figures/*.svg
    cp "$here/book.css" "$here/highlight.css" "$outdir/"
    pandoc "$@" -t html5 -M loom-outdir="$outdir" -M loom-template="$here/page.html" \
        -M loom-cache="$outdir/.highlight-cache" -o /dev/null "$work/book.md"
    echo "weave: wrote $outdir/index.html ($(ls "$outdir"/*.html | wc -l) pages)"
fi
