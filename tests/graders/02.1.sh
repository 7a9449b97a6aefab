# Exercise 2.1, heap statistics: "heap: 4240 bytes in 3 objects" after the
# app's lines, on every machine, status 0.
. tests/graders/lib.sh
for arch in $ARCHES; do
    boot "$arch" || continue
    status_is 0
    if sed -n '/^Alloc Vec: /,$p' "$out" | grep -qx 'heap: 4240 bytes in 3 objects'; then
        good "$arch: heap: 4240 bytes in 3 objects"
    else
        got=$(grep '^heap: ' "$out" | head -n 1)
        bad "$arch: expected \"heap: 4240 bytes in 3 objects\" after the app's lines, got \"${got:-nothing}\""
    fi
done
