# The crate's run (arceos-userprivilege), written from its program: the
# loader's lines, the address space as the crate's {:#x?} prints it
# (its fields: the range, the root, the areas, each with its range and
# flags), the way down, the one system call, and main's join.
import os
exec(open(os.path.join(HERE, "banner.py")).read())

def user_run(path, area_flags="READ | WRITE | EXECUTE | USER"):
    """The lines the crate's main prints for one program, up to its first trap."""
    return [
        "app: " + path,
        "paddr: PA:{hex}",
        "Mapping user stack: VA:0x3fffff0000 -> VA:0x4000000000",
        "New user address space: AddrSpace {",
        "    va_range: VA:0x0..VA:0x4000000000,",
        "    page_table_root: PA:{hex},",
        "    areas: [",
        "        MemoryArea {",
        "            va_range: VA:0x1000..VA:0x2000,",
        "            flags: " + area_flags + ",",
        "        },",
        "        MemoryArea {",
        "            va_range: VA:0x3fffff0000..VA:0x4000000000,",
        "            flags: READ | WRITE | USER,",
        "        },",
        "    ],",
        "}",
        "Enter user space: entry=0x1000, ustack=VA:0x4000000000, kstack=VA:{hex}",
    ]

EXIT = ["handle_syscall ...", "[SYS_EXIT]: process is exiting .."]

APP = user_run("/sbin/origin") + EXIT + ["monolithic kernel exit [0] normally!"]

EXPECTED = BANNER + APP
