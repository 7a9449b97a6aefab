# Exercise 1.1, colour: after "Hello, world!", the line
# ESC[32m[WithColor]: Hello, Arceos!ESC[0m, on every machine, status 0.
. tests/graders/lib.sh
want=$(printf '\033[32m[WithColor]: Hello, Arceos!\033[0m')
for arch in $ARCHES; do
    boot "$arch" || continue
    status_is 0
    if grep -qxF "$want" "$out"; then
        if sed -n '/^Hello, world!$/,$p' "$out" | grep -qxF "$want"; then
            good "$arch: the green line follows Hello, world!"
        else
            bad "$arch: the green line comes before Hello, world!"
        fi
    elif grep -qF '[WithColor]: Hello, Arceos!' "$out"; then
        bad "$arch: the line is there but not exactly ESC[32m...ESC[0m on a line of its own (see $out)"
    else
        bad "$arch: no [WithColor]: Hello, Arceos! line (see $out)"
    fi
done
