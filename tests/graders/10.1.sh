# Exercise 10.1, the guard page.  On each machine, with the grader's
# programs (tests/graders/10-ARCH.nw) and test code (10.1.nw): the app's
# transcript, then a store in the page below the stack (at a depth drawn
# for this grade) named a stack overflow with its address, a store at
# 0x5000 still a segmentation fault, both ending with -1; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
where=$(printf '%#x' $((0x4000000000 - 0x10000 - 16 - 16 * ($(seed 2) & 0xff))))
for arch in $ARCHES; do
    GRADER_NW="tests/graders/10.1.nw tests/graders/10-$arch.nw"
    boot "$arch" || continue
    if hung "does the fault handler return?"; then continue; fi
    app_then tests/expected/10-lazymapping.py "userboot: stack overflow at $where, exit!" \
        'grader: overflow: exit [-1]' 'userboot: segmentation fault at 0x5000, exit!' 'grader: wild: exit [-1]'
    said=$(awk '/^app: \/sbin\/overflow/ { on = 1 } /^grader: overflow:/ { on = 0 } on && /^userboot:/' "$out")
    [ "$said" = "userboot: stack overflow at $where, exit!" ] \
        && good "$arch: a store below the stack, at $where, is a stack overflow, named with its address" \
        || bad "$arch: a store below the stack, at $where: \"$(echo "$said" | tr '\n' '|')\" (\"userboot: stack overflow at $where, exit!\" alone expected)"
    status_is 0
done
