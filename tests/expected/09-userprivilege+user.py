# tests/kernels/user.nw: the crate's run, then four programs of the test's
# own (tests/kernels/user-ARCH.nw): registers that survive ticks and a
# system call, a store nowhere, a load from the kernel, a privileged
# instruction, and two that use floating point, which is off in user mode.
# The fault lines name the address, the access and the pc.
# On x86_64, two more: flags a program may set (NT, DF, AC) must not reach
# the kernel, through syscall or through a gate.
import os
exec(open(os.path.join(HERE, "09-userprivilege.py")).read())

FP_OFF = "Unexpected trap from user mode: floating point is off in user mode {any} at pc 0x10{any}, exit!"

EXPECTED = BANNER + APP + (
    user_run("/sbin/regs") + ["handle_syscall ...", "Unimplemented syscall: 1000"] + EXIT +
    ["regs: exit [0]", "regs: ticks went by: yes"] +
    user_run("/sbin/fault") +
    ["User page fault at 0x5000 (write) from pc 0x10{any}, exit!", "fault: exit [-1]"] +
    user_run("/sbin/kernel") +
    ["User page fault at 0xffff{any} (read) from pc 0x10{any}, exit!", "kernel: exit [-1]"] +
    user_run("/sbin/priv") +
    ["Unexpected trap from user mode: {any} at pc 0x10{any}, exit!", "priv: exit [-1]"] +
    user_run("/sbin/fp") + [FP_OFF, "fp: exit [-1]"] +
    user_run("/sbin/fpread") + [FP_OFF, "fpread: exit [-1]"])

if VALUES["ARCH"] == "x86_64":
    EXPECTED += (
        user_run("/sbin/flags") + ["handle_syscall ..."] + EXIT + ["flags: exit [0]"] +
        user_run("/sbin/flagtrap") +
        ["Unexpected trap from user mode: invalid opcode (0x6) at pc 0x10{any}, exit!",
         "flagtrap: exit [-1]",
         "flagtrap: the kernel's flags of NT, DF, AC at the trap: none"])
