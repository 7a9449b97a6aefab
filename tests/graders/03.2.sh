# Exercise 3.2, a read-only flash: with the grader's test code
# (tests/graders/03.2.nw), the flash's first 2 MiB still mapped, none of
# it writable; the three lines, then the kernel's own report of a trap at
# the flash's virtual address, and the fail status.
. tests/graders/lib.sh
GRADER_NW=tests/graders/03.2.nw
for arch in $ARCHES; do
    boot "$arch" || continue
    eval "$(vars | tr ' ' '\n' | grep '^PFLASH_')"
    va=$(printf '%#x' "$PFLASH_VA")
    status_is 1
    line=$(grep -m1 "^grader: the flash's first 2 MiB: " "$out")
    case $line in
    *": 512 pages mapped, 0 of them writable") good "$arch: the flash's first 2 MiB are mapped read-only" ;;
    "") bad "$arch: the grader's look at the table did not come (see $out)" ;;
    *) bad "$arch: ${line#grader: } (512 pages mapped, 0 writable expected)" ;;
    esac
    report=$(reported_failure)
    if ! grep -qx 'Got pflash magic: PFLA' "$out"; then
        bad "$arch: the magic was not read first (see $out)"
    elif echo "$report" | grep -qi "^unexpected trap: .* address $va\$"; then
        good "$arch: the store to $va traps"
    else
        bad "$arch: the kernel's report is not an unexpected trap at address $va: ${report:-none} (see $out)"
    fi
done
