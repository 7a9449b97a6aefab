# Exercise 9.2, write.  On each machine, with the grader's program
# /sbin/write and test code (tests/graders/09.2.nw): the app's transcript,
# then the program's exit code 0 (each of its seven calls gave the right
# result), its one line printed once, and nothing else printed by its
# calls; status 0.
: "${LOOM_TEST_TIMEOUT:=30}"
. tests/graders/lib.sh
GRADER_NW=tests/graders/09.2.nw
calls="1 write(1, msg, 38) did not return 38
2 write(1, 0x5000, 4): no area there, not -14
3 write(1, a kernel address, 4) did not return -14
4 write(1, 0x1ff8, 16), past the code page, did not return -14
5 write(1, -256, 512), which wraps, did not return -14
6 write(3, msg, 4) did not return -9
7 write(2, msg, 0) did not return 0"
for arch in $ARCHES; do
    boot "$arch" || continue
    if hung "does write return?"; then continue; fi
    app_then tests/expected/09-userprivilege.py 'grader: write: exit [0]'
    code=$(sed -n 's/^grader: write: exit \[\(-*[0-9]*\)\]$/\1/p' "$out")
    if [ "$code" = 0 ]; then good "$arch: every call gave the right result"
    else bad "$arch: $(echo "$calls" | awk -v c="$code" '$1 == c { $1 = ""; print substr($0, 2) }')${code:+ (exit [$code])}"; fi
    n=$(grep -cxF "Hello from user mode $GRADER_NONCE" "$out")
    [ "$n" -eq 1 ] && good "$arch: the program's line is printed once" \
                   || bad "$arch: \"Hello from user mode $GRADER_NONCE\" printed $n times, not once"
    # between the loader's first line and the exit, only the chapter's lines and the program's one
    extra=$(awk '/^app: \/sbin\/write$/ { on = 1; next } /^grader: write: exit/ { on = 0 } on' "$out" |
        grep -vxE 'paddr: PA:0x[0-9a-f]+|Mapping user stack: .*|New user address space: AddrSpace \{|    .*|\}|Enter user space: .*|handle_syscall \.\.\.|Hello from user mode '"$GRADER_NONCE"'|\[SYS_EXIT\]: process is exiting \.\.')
    [ -z "$extra" ] && good "$arch: the refused calls printed nothing" \
                    || bad "$arch: the calls printed more than the one line: $(echo "$extra" | head -n 2 | tr '\n' '|')"
    status_is 0
done
