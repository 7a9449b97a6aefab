# insert-defs.awk -- noweb filter: mark identifier definitions found by ctags
#
# usage: markup FILES | awk -f book/insert-defs.awk defs.tsv - | finduses | ...
#
# defs.tsv (from identifier-defs.sh) holds "file.nw TAB line TAB identifier".
# For every code line of the stream that some definition points at, this
# filter adds "@index defn IDENT" to the chunk, exactly as noweb's own
# autodefs filters do, so that finduses can then mark every use.
# A definition is kept only if the identifier really occurs on that line as
# a whole word: a tangled tree older than the .nw file cannot mislabel code.

FILENAME == ARGV[1] {                          # first file: the definitions
    split($0, f, "\t")
    defs[f[1], f[2]] = defs[f[1], f[2]] " " f[3]
    next
}
/^@file / { file = substr($0, 7); line = 1 }
/^@begin code / { incode = 1; text = "" }
/^@end code / { incode = 0 }
incode && /^@text / { text = text substr($0, 7) }
(/^@nl$/ || /^@index nl$/) {
    if (incode && ((file, line) in defs)) {
        n = split(defs[file, line], ids, " ")
        for (i = 1; i <= n; i++)
            if (match(text, "(^|[^A-Za-z0-9_])" ids[i] "([^A-Za-z0-9_]|$)"))
                print "@index defn " ids[i]
    }
    line++; text = ""
}
{ print }
