#!/bin/sh
# identifier-defs.sh TREE... > defs.tsv
#
# Where is each C / assembler identifier of the kernel defined, in terms of
# the .nw sources?  Runs universal-ctags over tangled source trees (for Loom:
# build/<arch>/<NN-name>/src) and maps every definition back to the .nw file
# and line it came from, through the `#line N "file.nw"` directives that
# `notangle -L` wrote.  Output, sorted and unique:
#
#     chapters/01-helloworld.nw <TAB> 42 <TAB> kprintf
#
# Kept: functions, variables, types, structs, unions, enums, enumerators and
# macros in .c/.h files, function prototypes and extern declarations in
# headers (the interface a reader wants to find), and global labels, macros
# and symbols defined in .S files.  Left out: host tests and exercise
# scaffolding under tests/ and ex/ (their fake arch layers would shadow the
# real definitions), header guards (FOO_H), and local assembler labels.
set -eu
[ $# -gt 0 ] || { echo "usage: $0 TREE..." >&2; exit 2; }

list=$(mktemp); trap 'rm -f "$list"' EXIT
# Chapter trees repeat the files of earlier chapters: read each content once.
for tree in "$@"; do
    find "$tree" \( -path '*/tests' -o -path '*/ex' \) -prune -o \
         -type f \( -name '*.c' -o -name '*.h' -o -name '*.S' \) -print
done | xargs -r cksum | awk '!seen[$1 " " $2]++ { print $3 }' > "$list"
[ -s "$list" ] || exit 0

{
    # definitions everywhere; declarations only in headers
    grep -v '\.h$' "$list" | ctags -L - -x --_xformat='%F	%n	%N	%K' --kinds-C=dfgstuve --kinds-Asm=dlm || true
    grep '\.h$' "$list"    | ctags -L - -x --_xformat='%F	%n	%N	%K' --kinds-C=dfgstuvepx || true
} | awk -F'\t' '
    # ctags lines: tangled-file line name kind.  Collect, then read each
    # tangled file once, following its #line directives.
    $3 !~ /^[A-Za-z_][A-Za-z0-9_]*$/ { next }              # .L1, 1:, operators
    $4 == "macro" && $3 ~ /_H_?$/ { next }                  # header guards
    { want[$1, $2] = want[$1, $2] SUBSEP $3; files[$1] = 1 }
    END {
        for (f in files) {
            n = 0; src = ""
            while ((getline text < f) > 0) {
                n++
                if (text ~ /^#line [0-9]+ "/) {
                    split(text, w, " "); base = w[2]; src = w[3]; gsub(/"/, "", src); at = n
                    continue
                }
                if (src != "" && ((f, n) in want)) {
                    k = split(want[f, n], ids, SUBSEP)
                    for (i = 2; i <= k; i++) printf "%s\t%d\t%s\n", src, base + (n - at - 1), ids[i]
                }
            }
            close(f)
        }
    }' | LC_ALL=C sort -u
