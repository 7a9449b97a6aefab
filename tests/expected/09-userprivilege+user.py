# tests/kernels/user.nw: the crate's run, then four programs of the test's
# own (tests/kernels/user-ARCH.nw): registers that survive ticks and a
# system call, a store nowhere, a load from the kernel, a privileged
# instruction.  The fault lines name the address, the access and the pc.
import os
exec(open(os.path.join(HERE, "09-userprivilege.py")).read())

EXPECTED = BANNER + APP + (
    user_run("/sbin/regs") + ["handle_syscall ...", "Unimplemented syscall: 1000"] + EXIT +
    ["regs: exit [0]", "regs: ticks went by: yes"] +
    user_run("/sbin/fault") +
    ["User page fault at 0x5000 (write) from pc 0x10{any}, exit!", "fault: exit [-1]"] +
    user_run("/sbin/kernel") +
    ["User page fault at 0xffff{any} (read) from pc 0x10{any}, exit!", "kernel: exit [-1]"] +
    user_run("/sbin/priv") +
    ["Unexpected trap from user mode: {any} at pc 0x10{any}, exit!", "priv: exit [-1]"])
