# Exercise 1.3, memory size: the banner's "memory = N MiB" on every machine,
# booted with -m 128M and with a size drawn at random for this grade (260
# to 508 MiB, a multiple of 4: above 256 MiB, where loongarch64's RAM is
# in two pieces, so that every draw tests the same cases), N within 4 MiB
# below the size given.
. tests/graders/lib.sh
for arch in $ARCHES; do
    for mib in 128 $((260 + 4 * ($(seed 1) % 63))); do
        boot "$arch" -m ${mib}M || break
        status_is 0
        [ "$rc" -eq 0 ] || continue
        n=$(sed -n 's/^memory = \([0-9][0-9]*\) MiB$/\1/p' "$out" | head -n 1)
        if [ -z "$n" ]; then
            bad "$arch -m ${mib}M: no line \"memory = N MiB\" (see $out)"
        elif [ "$n" -le "$mib" ] && [ "$n" -ge $((mib - 4)) ]; then
            good "$arch -m ${mib}M: memory = $n MiB"
        else
            bad "$arch -m ${mib}M: memory = $n MiB, expected $((mib - 4))..$mib"
        fi
    done
done
