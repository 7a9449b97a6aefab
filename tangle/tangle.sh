#!/bin/sh
# tangle/tangle.sh OUTDIR FILE.nw...
#
# Writes every root chunk of the given noweb files (in the given order: a
# chunk defined again in a later file is continued, as notangle does) to
# OUTDIR/<root name>.  noweb's own tools do the work: markup parses the
# files once, and nt, notangle's back end, expands the chunks.
#
# - C, header and assembly files get `notangle -L` #line directives, so the
#   compiler, gdb and addr2line name chapters/NN-name.nw:LINE; linker
#   scripts get /* file:line */ comments (ld has no #line).
# - An unchanged file is not rewritten and keeps its timestamp (what cpif
#   does), so a prose edit rebuilds only what moved.
# - Generated files are read-only: edit the .nw, never build/.
# - A file whose root has gone since the last run is removed.
# - With TANGLE_ARCH set, the chunks of other machines' ports (their names
#   start with the machine, "aarch64 trap: ...") are not this kernel's
#   business: a student's answer file may hold code for all four.
#
# Speed: a kernel has some sixty roots, and one nt and one cpif per root
# cost seconds, paid at every build.  So nt runs once per kind of line
# directive, on a root of our own appended to the stream that uses every
# root of that kind, each after a marker line; awk cuts the result at the
# markers.  The files are what `nt -R<root>` gives for each root alone.
set -u
arches="riscv64 aarch64 x86_64 loongarch64"
out=$1; shift
lib=/usr/lib/noweb
mark='@@ loom tangle: root @@'          # a marker line, before each root
here=LOOM-TANGLE-ROOTS                  # the appended root's file name
mkdir -p "$out"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/tangle.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

for f in "$@"; do
    [ -r "$f" ] || { echo "tangle: cannot read $f" >&2; exit 1; }
done
"$lib/markup" -t "$@" > "$tmp/stream" || { echo "tangle: noweb markup failed on $*" >&2; exit 1; }

# Roots, found as noroots finds them: defined, never used inside code;
# each sorted into its kind, by its file name.
status=0
awk -v arches="$arches" -v arch="${TANGLE_ARCH:-}" -v dir="$tmp" '
    /^@quote$/ { q = 1 } /^@endquote$/ { q = 0 }
    /^@defn / { d[substr($0, 7)] = 1 }
    /^@use / && !q { u[substr($0, 6)] = 1 }
    END {
        n = split(arches, a, " ")
        for (c in d) {
            if (c in u) continue
            other = 0
            for (i = 1; i <= n; i++)
                if (index(c, a[i] " ") == 1 && a[i] != arch) other = 1
            if (other) continue
            if (c ~ /\.(c|h|S)$/) kind = "c"
            else if (c ~ /\.ld$/) kind = "ld"
            else if (c ~ /\// || c ~ /\./) kind = "plain"
            else { print "tangle: root chunk <<" c ">> is not a file name (a misspelt or unused chunk?)" > "/dev/stderr"; bad = 1; continue }
            print c > (dir "/roots." kind)
        }
        exit bad
    }' "$tmp/stream" || status=1

# expand KIND NT-OPTIONS...: every root of KIND, after its marker.
expand() {
    kind=$1; shift
    [ -s "$tmp/roots.$kind" ] || return 0
    { cat "$tmp/stream"
      echo "@file $here"; echo "@begin code 0"; echo "@defn $here"; echo "@nl"
      while IFS= read -r root; do
          echo "@text $mark $root"; echo "@nl"; echo "@use $root"; echo "@nl"
      done < "$tmp/roots.$kind"
      echo "@end code 0"
    } | "$lib/nt" "$@" -R"$here" >> "$tmp/all" ||
        { echo "tangle: nt failed expanding the $kind roots" >&2; status=1; }
}
: > "$tmp/all"
expand c -t -L'#line %L "%F"%N'
expand ld -t -L'/* %F:%L */%N'
expand plain -t8

# Cut at the markers, dropping the appended root's own line directives.
# A root whose text differs from OUTDIR's file (or that has none) goes to
# $tmp/files/N, and "N root" to $tmp/changed.
mkdir "$tmp/files"; : > "$tmp/now"
awk -v out="$out" -v mark="$mark " -v here="$here" -v dir="$tmp" '
    function flush(   line, n, same) {
        if (root == "") return
        print root > (dir "/now")
        n = 0; same = 1
        while (same && (getline line < (out "/" root)) > 0)
            same = ++n <= count && line == text[n]
        close(out "/" root)
        if (same && n == count) return
        files++
        printf "" > (dir "/files/" files)
        for (n = 1; n <= count; n++) print text[n] > (dir "/files/" files)
        close(dir "/files/" files)
        print files, root > (dir "/changed")
    }
    index($0, mark) == 1 { flush(); root = substr($0, length(mark) + 1); count = 0; next }
    index($0, here) { next }
    { text[++count] = $0 }
    END { flush() }' "$tmp/all" || status=1

if [ -s "$tmp/changed" ]; then
    while read -r n root; do
        case $root in */*) mkdir -p "$out/${root%/*}" || status=1 ;; esac
        rm -f "$out/$root" && mv "$tmp/files/$n" "$out/$root" &&
            chmod a-w "$out/$root" || status=1
    done < "$tmp/changed"
fi

LC_ALL=C sort "$tmp/now" > "$tmp/now.sorted"
if [ -f "$out/.tangled" ]; then
    comm -23 "$out/.tangled" "$tmp/now.sorted" | while IFS= read -r gone; do
        rm -f "$out/$gone"
    done
    cmp -s "$tmp/now.sorted" "$out/.tangled" || cp "$tmp/now.sorted" "$out/.tangled"
else
    cp "$tmp/now.sorted" "$out/.tangled"
fi
exit $status
