#!/bin/sh
# weave.sh -- weave Loom's .nw files into the HTML book (or an EPUB).
#
#   book/weave.sh OUTDIR FILE.nw...          HTML: OUTDIR/index.html, NN-name.html,
#                                            chunks.html, identifiers.html, figures/
#   book/weave.sh --epub BOOK.epub FILE.nw...
#
# FILEs in book order: each chapter followed by its ports.  Run from the
# top of the repository (paths in the book are the paths given here).
#
# Stages (book/README.md says more):
#   1. noweb's markup parses the files into its pipeline stream;
#   2. identifier definitions are marked: from ctags over the tangled trees
#      build/*/*/src when they exist (identifier-defs.sh + insert-defs.awk),
#      else by noweb's autodefs.c; noweb's finduses then marks every use;
#   3. noweb-to-markdown.awk writes pandoc Markdown (and stops the build,
#      naming file:line, if a chunk is used but never defined);
#   4. one pandoc run with html-pages.lua highlights, links and splits the
#      book into pages.
# Environment: LOOM_TANGLED="dir..." overrides the tangled trees searched.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
noweb_lib=${NOWEB_LIB:-/usr/lib/noweb}
die() { echo "weave: $*" >&2; exit 1; }

epub=""
if [ "${1:-}" = "--epub" ]; then epub=${2:-}; shift 2 || true; [ -n "$epub" ] || die "--epub needs a file name"
    outdir=""
else
    [ $# -ge 1 ] || { echo "usage: $0 OUTDIR FILE.nw... | $0 --epub BOOK.epub FILE.nw..." >&2; exit 2; }
    outdir=$1; shift
fi
[ $# -ge 1 ] || die "no .nw files given"
for t in pandoc dot "$noweb_lib/markup" "$noweb_lib/finduses"; do
    command -v "$t" >/dev/null 2>&1 || die "$t not found (make deps installs noweb, pandoc and graphviz)"
done
files=""
for f in "$@"; do
    [ -f "$f" ] || die "$f: no such file"
    files="$files ${f#./}"
done

work=$(mktemp -d "${TMPDIR:-/tmp}/loom-weave.XXXXXX")
trap 'rm -rf "$work"' EXIT

# 1-2. the noweb stream, with identifier definitions and uses
# shellcheck disable=SC2086
"$noweb_lib/markup" $files > "$work/markup" || die "noweb markup failed"
trees=${LOOM_TANGLED:-$(ls -d build/*/*/src 2>/dev/null || true)}
if [ -n "$trees" ] && command -v ctags >/dev/null 2>&1 &&
   ctags --version 2>/dev/null | grep -q 'Universal Ctags'; then
    # shellcheck disable=SC2086
    "$here/identifier-defs.sh" $trees > "$work/defs.tsv"
    awk -f "$here/insert-defs.awk" "$work/defs.tsv" "$work/markup" > "$work/defined"
else
    echo "weave: no tangled trees (or no universal-ctags): identifiers found by noweb's autodefs.c" >&2
    "$noweb_lib/autodefs.c" < "$work/markup" > "$work/defined"
fi
"$noweb_lib/finduses" < "$work/defined" > "$work/stream" || die "noweb finduses failed"

# 3. Markdown: the front matter, then the woven files and the indexes
awk -f "$here/noweb-to-markdown.awk" "$work/stream" "$work/stream" > "$work/woven.md"
cat "$here/front.md" "$work/woven.md" > "$work/book.md"

# 4. pandoc
common="-f commonmark_x --lua-filter=$here/html-pages.lua"
if [ -n "$epub" ]; then
    # shellcheck disable=SC2086
    pandoc $common -t epub3 --toc --toc-depth=2 -N --css="$here/book.css" --css="$here/highlight.css" \
        -M loom-outdir="$work" -M lang=en -o "$epub" "$work/book.md"
    echo "weave: wrote $epub"
else
    mkdir -p "$outdir"
    rm -f "$outdir"/*.html "$outdir"/figures/*.svg
    cp "$here/book.css" "$here/highlight.css" "$outdir/"
    # shellcheck disable=SC2086
    pandoc $common -t html5 -M loom-outdir="$outdir" -M loom-template="$here/page.html" \
        -o /dev/null "$work/book.md"
    echo "weave: wrote $outdir/index.html ($(ls "$outdir"/*.html | wc -l) pages)"
fi
