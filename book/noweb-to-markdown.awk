# noweb-to-markdown.awk -- noweb back end: pipeline stream -> pandoc Markdown
#
# usage:  markup FILES | (insert-defs.awk | autodefs.c) | finduses > stream
#         awk -v xref=xref.tsv -f book/noweb-to-markdown.awk stream stream > book.md
#
# The stream is noweb's pipeline representation (see noweb's "hacker's
# guide"): @file, @begin/@end docs|code, @defn, @use, @text, @nl, @quote,
# @index defn|use.  It is read twice.
#
# Pass 1 learns the whole web: every chunk definition ("instance") with its
# tag (chapter.seq), label, file and line; who uses which chunk; where each
# identifier is defined and used.  A use of a chunk that is never defined is
# an error: it is reported as file:line and the program exits with status 1.
#
# Pass 2 writes Markdown for pandoc (commonmark_x) on standard output, and
# HTML snippets to the side file named by -v xref=FILE:
#   * documentation is copied as is (it is Markdown); [[code]] becomes
#     `code`, a link when it names an identifier or a chunk;
#   * each code chunk becomes a fenced div  ::: {#chunk-1-3 .nw-chunk}  that
#     holds a header line (tag, <name>, = or +=, previous/next arrows, source
#     file:line) and a fenced code block of class .nw-code plus the language.
#     Inside the code, links cannot be written in Markdown, so chunk uses
#     become  [[c:LABEL|NAME]]  and identifier uses  [[i:LABEL|IDENT]]
#     between the brackets U+27E6 / U+27E7; the pandoc filter html-pages.lua
#     turns them into links after highlighting;
#   * the chunk's cross-references (defined in / continued in / used in, the
#     identifiers it defines and their uses) and the two indexes are HTML,
#     one line "KEY TAB HTML" each in the side file: the filter inserts them
#     as they are.  (As Markdown they were most of the book's text, and
#     pandoc's CommonMark reader takes time quadratic in the number of links
#     in one paragraph.)
#   * every file starts with an empty marker div (.nw-page for a chapter,
#     .nw-port for a port), which the filter uses to split pages and to mark
#     port sections;
#   * the book ends with the index of chunks and the index of identifiers,
#     headings in Markdown and lists in the side file (.nw-insert divs).
#
# Chapter numbers come from the file names (chapters/01-helloworld.nw and
# arch/riscv64/01-helloworld.nw are both chapter 1); a port is a file under
# arch/<name>/.  Tags count the chunks of a chapter and of its ports together.

BEGIN {
    SO = "\342\237\246"; SC = "\342\237\247"      # U+27E6, U+27E7: sentinels in code
    LA = "\342\237\250"; RA = "\342\237\251"      # U+27E8, U+27E9: <chunk name>
    DEFSYM = "\342\211\241"                       # U+2261: identical to
    PREV = "\342\227\201"; NEXT = "\342\226\267"  # U+25C1, U+25B7
    MAXUSES = 8                                   # uses listed per identifier under a chunk
    pass = 0
}
FNR == 1 { pass++; if (pass == 2) { check_web(); ninst = 0; lastchapter = 0 } }

# ------------------------------------------------------------ helpers
function arg(s, nwords) {      # the text after "@keyword" (nwords = 1) or "@kw sub" (2)
    if (nwords == 1) sub(/^@[a-z]+ ?/, "", s); else sub(/^@[a-z]+ [a-z]+ ?/, "", s)
    return s
}
function chapter_of(path,   b) {
    b = path; sub(/.*\//, "", b)
    if (match(b, /^[0-9]+/)) return substr(b, 1, RLENGTH) + 0
    return (path ~ /(^|\/)arch\/[^\/]+\//) ? lastchapter : lastchapter + 1
}
function arch_of(path,   a) {
    if (!match(path, /(^|\/)arch\/[^\/]+\//)) return ""
    a = substr(path, RSTART, RLENGTH); sub(/^\/?arch\//, "", a); sub(/\/$/, "", a)
    return a
}
function stem_of(path,   s) { s = path; sub(/.*\//, "", s); sub(/\.nw$/, "", s); return s }
# a root chunk names a file: kernel/kprintf.c, Makefile.inc (no blanks)
function is_file_name(n) { return n !~ / / && (n ~ /\// || n ~ /\.[A-Za-z0-9]+$/) }
# Markdown: escape every ASCII punctuation character (always legal in CommonMark)
function md(s) { gsub(/[][\\`*_{}()#+.!|<>~^$&"'=:;,?@%\/-]/, "\\\\&", s); return s }
# inline code with a backtick fence longer than any run inside
function icode(s,   f) {
    f = "`"; while (index(s, f) > 0) f = f "`"
    return (s ~ /^`|`$/) ? f " " s " " f : f s f
}
function chunk_title(name,   t) { t = name; gsub(/\[\[|\]\]/, "", t); return t }
function shown_name(name) { return LA md(chunk_title(name)) RA }
# A link (HTML) to instance k showing its tag; its title is the chunk's name.
function taglink(k) {
    return "<a href=\"#" label[k] "\" title=\"" html(LA chunk_title(iname[k]) RA) "\">" tag[k] "</a>"
}
function html(s) { gsub(/&/, "\\&amp;", s); gsub(/</, "\\&lt;", s); gsub(/>/, "\\&gt;", s); gsub(/"/, "\\&quot;", s); return s }
function identlink(x) { return "<a href=\"#ident-" x "\"><code>" html(x) "</code></a>" }
function language_of(name, depth,   l, n, p, i) {
    if (name in langmemo) return langmemo[name]
    l = ""
    if (name ~ /\.[ch]$/) l = "c"
    else if (name ~ /\.[sS]$/) l = "gnuassembler"
    else if (name ~ /(^|\/)(GNUm|M|m)akefile$|\.mk$/) l = "makefile"
    else if (name ~ /\.sh$/) l = "bash"
    else if (name ~ /\.py$/) l = "python"
    else if (is_file_name(name)) l = "none"                  # .ld, .txt ...
    else if (depth < 30) {                                   # the language of a user
        n = split(users[name], p, " ")
        for (i = 1; i <= n && l == ""; i++) l = language_of(iname[p[i]], depth + 1)
    }
    if (depth == 0 || l != "") langmemo[name] = l
    return l
}
# which definition of identifier x should a use in instance k point to?
# One in the same .nw file (a port links to its own code), else one outside
# the ports (portable code links to the portable declaration), else the first.
function ident_target(x, k,   n, d, i) {
    n = split(idefs[x], d, " ")
    for (i = 1; i <= n; i++) if (ifile[d[i]] == ifile[k]) return d[i]
    for (i = 1; i <= n; i++) if (iarch[d[i]] == "") return d[i]
    return d[1]
}
# can a use in instance k mean identifier x?  Not if x is defined only in
# other ports (riscv64 code never calls an x86_64 function).
function visible(x, k,   n, d, i) {
    if (iarch[k] == "") return 1
    n = split(idefs[x], d, " ")
    for (i = 1; i <= n; i++) if (iarch[d[i]] == "" || iarch[d[i]] == iarch[k]) return 1
    return 0
}
function qsort(a, lo, hi,   i, last, t) {               # sorts a[lo..hi] as strings
    if (lo >= hi) return
    t = a[lo]; a[lo] = a[int((lo + hi) / 2)]; a[int((lo + hi) / 2)] = t
    last = lo
    for (i = lo + 1; i <= hi; i++)
        if (a[i] < a[lo]) { last++; t = a[last]; a[last] = a[i]; a[i] = t }
    t = a[lo]; a[lo] = a[last]; a[last] = t
    qsort(a, lo, last - 1); qsort(a, last + 1, hi)
}
function die_later(msg) { errors = errors msg "\n"; nerrors++ }

# ------------------------------------------------------------ pass 1: learn the web
pass == 1 && /^@file / {
    file = arg($0, 1); line = 1
    chapter = chapter_of(file); lastchapter = chapter; arch = arch_of(file)
    next
}
pass == 1 && (/^@nl$/ || /^@index nl$/) { line++; next }
pass == 1 && /^@begin code / { incode = 1; k = ++ninst; next }
pass == 1 && /^@end code / { incode = 0; next }
pass == 1 && incode && /^@defn / {
    name = arg($0, 1)
    iname[k] = name; ifile[k] = file; iline[k] = line; iarch[k] = arch
    tag[k] = chapter "." (++seq[chapter]); label[k] = "chunk-" chapter "-" seq[chapter]
    if (!(name in defs)) names[++nnames] = name
    defs[name] = defs[name] " " k
    next
}
pass == 1 && /^@use / {
    u = arg($0, 1)
    if (!(u in firstuse)) { firstuse[u] = file ":" line; used[++nused] = u }
    if (incode && !((u, k) in seenuse)) { seenuse[u, k] = 1; users[u] = users[u] " " k }
    next
}
pass == 1 && incode && /^@index (defn|localdefn) / {
    x = arg($0, 2)
    if (!(x in idefs)) idents[++nidents] = x
    if (!((x, k) in defines)) { defines[x, k] = 1; idefs[x] = idefs[x] " " k; ikdefs[k] = ikdefs[k] " " x }
    next
}
pass == 1 && incode && /^@index use / {
    x = arg($0, 2)
    if (!((x, k) in seeniuse)) { seeniuse[x, k] = 1; iusers[x] = iusers[x] " " k }
    next
}
pass == 1 { next }

function check_web(   i, u) {
    for (i = 1; i <= nused; i++)
        if (!((u = used[i]) in defs)) die_later(firstuse[u] ": use of undefined chunk <<" u ">>")
    if (nerrors) {
        printf "%s", errors > "/dev/stderr"
        printf "weave: %d undefined chunk(s); no book written\n", nerrors > "/dev/stderr"
        failed = 1; exit 1
    }
}

# ------------------------------------------------------------ pass 2: write Markdown
/^@file / {
    file = arg($0, 1); line = 1; arch = arch_of(file); stem = stem_of(file)
    chapter = chapter_of(file); lastchapter = chapter
    if (arch == "")
        printf "\n::: {#file-%s .nw-page path=\"%s\" chapter=\"%d\"}\n:::\n\n", stem, file, chapter
    else
        printf "\n::: {#file-%s-%s .nw-port path=\"%s\" chapter=\"%d\" arch=\"%s\"}\n:::\n\n", arch, stem, file, chapter, arch
    next
}
/^@begin docs / { indocs = 1; docline = ""; next }
/^@end docs / { indocs = 0; printf "%s", docline; docline = ""; next }
/^@begin code / {
    incode = 1; k = ++ninst; code = ""; skipnl = 1; pendref = ""; pendident = ""
    next
}
/^@quote$/    { inquote = 1; qtext = ""; quse = ""; qident = ""; next }
/^@endquote$/ { inquote = 0; docline = docline quote_md(); next }
inquote && /^@text / { qtext = qtext arg($0, 1); next }
inquote && /^@use /  { quse = arg($0, 1); qtext = qtext "<<" quse ">>"; next }
inquote && /^@index use / { qident = arg($0, 2); next }
inquote { next }

indocs && /^@text / { docline = docline arg($0, 1); next }
indocs && /^@nl$/   { printf "%s\n", mark_source(docline); docline = ""; line++; next }
indocs && /^@index nl$/ { line++; next }
indocs { next }

# [[...]] in prose: a chunk reference, an identifier, a file root, or plain code
function quote_md() {
    if (quse != "" && qtext == "<<" quse ">>")
        return "[" shown_name(quse) "](#" label[first(quse)] "){.nw-chunkref}"
    if (qident != "" && qident == qtext && (qident in idefs) && visible(qident, prose()))
        return "[" icode(qtext) "](#" label[ident_target(qident, prose())] "){.nw-ident}"
    if (qtext in defs)
        return "[" icode(qtext) "](#" label[first(qtext)] "){.nw-chunkref}"
    return icode(qtext)
}
function first(name,   d) { split(defs[name], d, " "); return d[1] }
# prose is "instance 0": in the file and port being read
function prose() { ifile[0] = file; iarch[0] = arch; return 0 }
# Figures and exercises remember where they are, for error messages.  A
# figure fenced with backticks whose attributes hold backticks (a caption
# with `code`) is not a code block in CommonMark: fence it with tildes.
function mark_source(s,   f) {
    if (tildefence != "" && s == backfence) { s = tildefence; tildefence = ""; return s }
    if (s ~ /^(```+|~~~+) *\{.*\.dot.*\} *$/ || s ~ /^:::+ *\{.*\.exercise.*\} *$/) {
        sub(/\} *$/, " origin=\"" file ":" line "\"}", s)
        if (match(s, /^```+/) && index(substr(s, RLENGTH + 1), "`")) {
            backfence = substr(s, 1, RLENGTH); tildefence = backfence; gsub(/`/, "~", tildefence)
            s = tildefence substr(s, RLENGTH + 1)
        }
    }
    return s
}

incode && /^@defn / { next }
incode && (/^@nl$/ || /^@index nl$/) {
    line++
    if (/^@nl$/) { if (skipnl) skipnl = 0; else code = code "\n" }
    next
}
incode && /^@use / {
    u = arg($0, 1)
    code = code SO "c:" label[first(u)] "|" u SC
    next
}
incode && /^@index use / { pendident = arg($0, 2); next }
incode && /^@text / {
    t = arg($0, 1)
    if (pendident != "" && t == pendident && !((t, k) in defines) && (t in idefs) && visible(t, k))
        code = code SO "i:" label[ident_target(t, k)] "|" t SC
    else
        code = code t
    pendident = ""
    next
}
incode && /^@end code / { incode = 0; write_chunk(k); next }
{ next }

function write_chunk(k,   name, d, nd, u, nu, i, j, m, fence, lang, s, x, xs, nx, us, nus, pos) {
    name = iname[k]
    nd = split(defs[name], d, " ")
    for (i = 1; i <= nd; i++) if (d[i] == k) pos = i
    lang = language_of(name, 0)
    printf "\n::: {#%s .nw-chunk%s%s tag=\"%s\" origin=\"%s:%d\"}\n", label[k],
        is_file_name(name) ? " .nw-root" : "", iarch[k] != "" ? " .nw-arch-" iarch[k] : "",
        tag[k], ifile[k], iline[k]
    # header: tag <name> = (or +=), arrows to the previous and next definition
    printf "[%s]{.nw-tag} [%s]{.nw-name} [%s]{.nw-defsym}", tag[k], shown_name(name),
        (pos > 1 ? "+" : "") DEFSYM
    if (pos > 1)  printf " [%s](#%s \"previous definition\"){.nw-prev}", PREV, label[d[pos - 1]]
    if (pos < nd) printf " [%s](#%s \"next definition\"){.nw-next}", NEXT, label[d[pos + 1]]
    printf " [%s]{.nw-src}\n\n", md(ifile[k] ":" iline[k])
    # the code, numbered with its lines in the .nw file when highlighted (for gdb)
    fence = "```"; while (index(code, fence) > 0) fence = fence "`"
    printf "%s {#%s-code .nw-code%s}\n%s%s\n:::\n\n", fence, label[k],
        (lang != "" && lang != "none") ? " ." lang " .numberLines startFrom=\"" iline[k] + 1 "\"" : "",
        code, (code ~ /\n$/ || code == "") ? fence : "\n" fence
    # the cross-references go to the side file
    s = "Defined in " (pos == 1 ? "<strong>" tag[k] "</strong>" : taglink(d[1]))
    if (nd > 1) {
        s = s ", continued in "
        for (i = 2; i <= nd; i++) s = s (i > 2 ? ", " : "") (i == pos ? "<strong>" tag[d[i]] "</strong>" : taglink(d[i]))
    }
    s = s ". "
    nu = split(users[name], u, " ")
    if (nu > 0) {
        s = s "Used in "
        for (i = 1; i <= nu; i++) s = s (i > 1 ? ", " : "") taglink(u[i])
        s = s "."
    } else if (is_file_name(name))
        s = s "Root: written to the file <code>" html(name) "</code>."
    else
        s = s "Not used."
    s = "<p class=\"nw-xref\">" s "</p>"
    nx = split(ikdefs[k], xs, " ")
    if (nx > 0) {
        s = s "<p class=\"nw-defines\">Defines "
        for (i = 1; i <= nx; i++) {
            s = s (i > 1 ? ", " : "") identlink(xs[i])
            # at most MAXUSES uses here; the index of identifiers lists them all
            nus = split(iusers[xs[i]], us, " "); x = ""; m = 0
            for (j = 1; j <= nus; j++)
                if (!((xs[i], us[j]) in defines) && visible(xs[i], us[j]) && ++m <= MAXUSES)
                    x = x (x == "" ? "" : ", ") taglink(us[j])
            if (m > MAXUSES) x = x ", <a href=\"#ident-" xs[i] "\">" m - MAXUSES " more</a>"
            if (x != "") s = s " (used in " x ")"
        }
        s = s ".</p>"
    }
    snippet(label[k], s)
}
# one line of the side file: KEY TAB HTML
function snippet(key, text) { gsub(/[\t\n]/, " ", text); printf "%s\t%s\n", key, text > xref }

# ------------------------------------------------------------ the two indexes
END {
    if (failed || pass < 2) exit failed ? 1 : 0
    printf "\n::: {#file-chunks .nw-page page=\"chunks\"}\n:::\n\n"
    printf "# Index of chunks {#chunk-index .unnumbered}\n\n"
    printf "Every chunk of the book, in alphabetical order, with the tags of its\n"
    printf "definitions (the first one, then its continuations) and of the chunks that use it.\n"
    printf "Files come first: each one is a root chunk, written by `make tangle`.\n\n"
    printf "## Files {#chunk-index-files .unnumbered}\n\n::: {.nw-insert key=\"index-files\"}\n:::\n\n"
    index_chunks(1, "index-files")
    printf "## Chunks {#chunk-index-chunks .unnumbered}\n\n::: {.nw-insert key=\"index-chunks\"}\n:::\n\n"
    index_chunks(0, "index-chunks")

    printf "\n::: {#file-identifiers .nw-page page=\"identifiers\"}\n:::\n\n"
    printf "# Index of identifiers {#identifier-index .unnumbered}\n\n"
    printf "Every identifier the book defines (functions, variables, types, macros,\n"
    printf "assembler symbols), with the chunks that define it and the chunks that use it.\n\n"
    printf "::: {.nw-insert key=\"index-identifiers\"}\n:::\n"
    index_identifiers("index-identifiers")
}
function index_identifiers(key,   sorted, i, p, x, d, nd, u, nu, j, s, t, out) {
    for (i = 1; i <= nidents; i++) sorted[i] = tolower(idents[i]) "\t" idents[i]
    qsort(sorted, 1, nidents)
    for (i = 1; i <= nidents; i++) {
        split(sorted[i], p, "\t"); x = p[2]
        nd = split(idefs[x], d, " "); s = ""
        for (j = 1; j <= nd; j++) s = s (j > 1 ? ", " : "") taglink(d[j]) (iarch[d[j]] != "" ? " (" iarch[d[j]] ")" : "")
        nu = split(iusers[x], u, " "); t = ""
        for (j = 1; j <= nu; j++) if (!((x, u[j]) in defines) && visible(x, u[j])) t = t (t == "" ? "" : ", ") taglink(u[j])
        out = out "<li id=\"ident-" x "\"><a href=\"#" label[d[1]] "\"><code>" html(x) "</code></a>: defined in " s (t != "" ? "; used in " t : "") ".</li>"
    }
    snippet(key, "<ul class=\"nw-index\">" out "</ul>")
}
function index_chunks(files, key,   sorted, n, i, p, out) {
    n = 0
    for (i = 1; i <= nnames; i++)
        if (is_file_name(names[i]) == files) sorted[++n] = tolower(names[i]) "\t" names[i]
    qsort(sorted, 1, n)
    for (i = 1; i <= n; i++) { split(sorted[i], p, "\t"); out = out index_chunk(p[2]) }
    snippet(key, "<ul class=\"nw-index\">" out "</ul>")
}
function index_chunk(name,   d, nd, u, nu, j, s, t) {
    nd = split(defs[name], d, " "); s = ""
    for (j = 1; j <= nd; j++) s = s (j > 1 ? ", " : "") taglink(d[j])
    nu = split(users[name], u, " "); t = ""
    for (j = 1; j <= nu; j++) t = t (j > 1 ? ", " : "") taglink(u[j])
    return "<li><a class=\"nw-chunkref\" href=\"#" label[d[1]] "\">" LA html(chunk_title(name)) RA "</a>: " s (t != "" ? "; used in " t : "") ".</li>"
}
