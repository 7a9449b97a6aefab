# Exercise 2.1, heap statistics: "heap: 4240 bytes in 3 objects" after the
# app's lines, on every machine, status 0; then, with the grader's own
# test code (tests/graders/02.1.nw), heap_stats following four allocations
# of sizes drawn for this grade, and their frees.
. tests/graders/lib.sh
GRADER_NW=tests/graders/02.1.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    status_is 0
    if sed -n '/^Alloc Vec: /,$p' "$out" | grep -qx 'heap: 4240 bytes in 3 objects'; then
        good "$arch: heap: 4240 bytes in 3 objects"
    else
        got=$(grep '^heap: ' "$out" | head -n 1)
        bad "$arch: expected \"heap: 4240 bytes in 3 objects\" after the app's lines, got \"${got:-nothing}\""
    fi
    set -- $(sed -n 's/^grader: kmalloc of .* (\([0-9]*\) in their blocks): \([-+0-9]*\) bytes in \([-+0-9]*\) objects, then \([-+0-9]*\) bytes in \([-+0-9]*\) objects after kfree$/\1 \2 \3 \4 \5/p' "$out")
    if [ $# -ne 5 ]; then
        bad "$arch: the grader's test code did not report (see $out)"
    else
        line=$(grep -m1 '^grader: kmalloc of' "$out" | sed 's/^grader: //')
        [ "$2" = "+$1" ] && [ "$3" = +4 ] && good "$arch: four more objects, $1 more bytes: $line" \
            || bad "$arch: heap_stats does not follow the heap; $line (expected +$1 bytes in +4 objects)"
        [ "$4" = "-$1" ] && [ "$5" = -4 ] && good "$arch: freed, they are no longer counted" \
            || bad "$arch: after kfree, heap_stats changed by $4 bytes in $5 objects, not -$1 in -4"
    fi
done
