# Exercise 3.2, a read-only flash: the three lines, then an unexpected trap
# at the flash's virtual address, and the fail status.
. tests/graders/lib.sh
for arch in $ARCHES; do
    boot "$arch" || continue
    eval "$(make -s vars ARCH="$arch" CH="$CH" EXTRA="$ANSWER" | tr ' ' '\n' | grep '^PFLASH_')"
    va=$(printf '%#x' "$PFLASH_VA")
    status_is 1
    if ! grep -qx 'Got pflash magic: PFLA' "$out"; then
        bad "$arch: the magic was not read first (see $out)"
    elif sed -n '/^Got pflash magic: PFLA$/,$p' "$out" | grep -qi "^unexpected trap: .* address $va\$"; then
        good "$arch: the store to $va traps"
    else
        bad "$arch: no unexpected-trap line at address $va after the magic (see $out)"
    fi
done
