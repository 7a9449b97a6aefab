#!/bin/sh
# tangle/check.sh FILE.nw...
#
# Checks the chunk graph of one machine's book: the files in book order
# (chapter NN, then its port, then chapter NN+1 ...).  It reports, with
# file:line, and exits 1 on:
#   - a chunk used but never defined (notangle would fail);
#   - a chunk defined but never used that is not a file root (a misspelt
#     continuation: noweb silently makes it a new, unused root);
#   - a chunk used in chapter NN but first defined in a later chapter (the
#     kernel of chapter NN could not be tangled alone);
#   - a chunk name with leading, trailing or doubled blanks.
# A chapter's number is the NN of its file name (a port shares its chapter's).
set -u
[ $# -gt 0 ] || { echo "usage: tangle/check.sh FILE.nw..." >&2; exit 2; }
for f in "$@"; do
    [ -r "$f" ] || { echo "check: cannot read $f" >&2; exit 1; }
done
# markup's own complaints (an unescaped << in prose, say) fail the check
# too: they fail the tangle.
errors=$(/usr/lib/noweb/markup "$@" 2>&1 >/dev/null)
[ -z "$errors" ] || { echo "$errors" | sort -u >&2; exit 1; }
/usr/lib/noweb/markup "$@" | awk '
function chapter_of(f,   b) { b = f; sub(/.*\//, "", b); return (b ~ /^[0-9][0-9]-/) ? substr(b, 1, 2) + 0 : 0 }
function isfile(n) { return n ~ /\// || n ~ /\.[A-Za-z]+$/ }
/^@file /      { file = substr($0, 7); ch = chapter_of(file); line = 1; next }
/^@nl$/        { line++; next }
/^@begin code/ { incode = 1; next }
/^@end code/   { incode = 0; next }
/^@quote$/     { q = 1; next }
/^@endquote$/  { q = 0; next }
/^@defn /      { n = substr($0, 7)
                 if (!(n in defch)) { defch[n] = ch; defat[n] = file ":" line }
                 next }
/^@use / && incode && !q {
                 n = substr($0, 6); used[n] = 1
                 nu++; use[nu] = n; usech[nu] = ch; useat[nu] = file ":" line
                 next }
END {
    bad = 0
    for (i = 1; i <= nu; i++) {
        n = use[i]
        if (!(n in defch)) {
            hint = (n ~ /^[ \t]|[ \t]$/) ? " (a C shift, a << b ... c >> d? write @<< in code)" : ""
            printf "%s: chunk <<%s>> is used but never defined%s\n", useat[i], n, hint; bad++
        } else if (defch[n] > usech[i]) {
            printf "%s: chunk <<%s>> is used in chapter %02d but first defined in a later chapter, at %s\n",
                   useat[i], n, usech[i], defat[n]; bad++
        }
    }
    for (n in defch) {
        if (n ~ /^[ \t]|[ \t]$|[ \t][ \t]/) { printf "%s: chunk name <<%s>> has stray blanks\n", defat[n], n; bad++ }
        if (!(n in used) && !isfile(n)) {
            printf "%s: chunk <<%s>> is never used and is not a file (misspelt continuation?)\n", defat[n], n; bad++
        }
    }
    if (bad) { printf "check: %d error(s)\n", bad; exit 1 }
}'
