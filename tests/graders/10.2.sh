# Exercise 10.2, brk.  On each machine, with the grader's programs
# (tests/graders/10-ARCH.nw) and test code (10.2.nw): the app's
# transcript, then /sbin/brk passing every check (a system call of a
# number drawn for this grade says so) and dying at a store past the
# heap; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
checks="1 brk(0) did not return HEAP_BASE (0x10000000)
2 brk(0x10003064) did not return 0x10003064
3 the bytes stored at the heap's two ends did not read back
4 brk(0x0fff0000), below the base, did not leave the break at 0x10003064
5 brk(0x10001000) did not return 0x10001000
6 brk(0x10003064) again did not return it
7 a page freed by the move down came back not zeroed
8 the heap's first page lost its byte
9 a store past the heap's last page worked"
all_well=$((1000 + ($(seed 1) & 0x3ff)))
for arch in $ARCHES; do
    GRADER_NW="tests/graders/10.2.nw tests/graders/10-$arch.nw"
    boot "$arch" || continue
    if hung "does brk return?"; then continue; fi
    app_then tests/expected/10-lazymapping.py "Unimplemented syscall: $all_well" \
        'userboot: segmentation fault at 0x10004000, exit!' 'grader: brk: exit [-1]'
    code=$(sed -n 's/^grader: brk: exit \[\(-*[0-9]*\)\]$/\1/p' "$out")
    case $code in
    -1) grep -qxF "Unimplemented syscall: $all_well" "$out" \
            && good "$arch: every check passed, and the store past the heap ended the program" \
            || bad "$arch: the program died before its checks were done" ;;
    *)  bad "$arch: $(echo "$checks" | awk -v c="$code" '$1 == c { $1 = ""; print substr($0, 2) }') (exit [$code])" ;;
    esac
    status_is 0
done
