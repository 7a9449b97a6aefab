# The kernel's banner (chapter 1) and the memory line (chapter 2), the
# lines every chapter's run starts with: shared by the expected files in
# Python, which exec this file.
BANNER = [
    "Loom @CH@",
    "arch = @ARCH@",
    "platform = @PLATFORM@",
    "smp = 1",
    "memory = @RAM_MIB@ MiB in {int} range{any}, {int} KiB free",
    "",
]
