# tools/kernel.mk: build and boot one chapter's kernel for one machine.
# Called by the top Makefile after tangling, as
#   make -f tools/kernel.mk ARCH=riscv64 CH=01-helloworld OUT=build/riscv64/01-helloworld [target]
# so that make sees the timestamps cpif kept.  The machine's facts (compiler
# flags, image format, QEMU command line) come from arch/$(ARCH)/$(ARCH).mk.
SRC  := $(OUT)/src
OBJ  := $(OUT)/obj
SMP  ?= 1
# APP: the app, the chapter's own or another root of it (make bench).
APP  ?= $(CH)
CC      := clang-19
LD      := ld.lld-19
OBJCOPY := llvm-objcopy-19

# Common to all machines: freestanding C, no builtins assumed, no PIC, no
# jump tables (their absolute addresses would break before paging), and
# warnings are errors.  -I$(SRC) lets "kernel/arch.h" be found.
CFLAGS_COMMON := -std=gnu11 -ffreestanding -fno-builtin -fno-pic -fno-jump-tables \
                 -fno-stack-protector -nostdinc -isystem $(shell $(CC) -print-resource-dir)/include \
                 -O2 -g -Wall -Wextra -Werror -I$(SRC) -DLOOM_CHAPTER=\"$(CH)\"
ELF  := $(OUT)/kernel.elf
.DEFAULT_GOAL := build       # whatever rules the machine's .mk adds
# The machine's facts: PLATFORM, ARCH_CFLAGS, ARCH_ASFLAGS, IMAGE (what QEMU
# boots: the ELF, or a file the .mk makes from it), QEMU, QEMU_BOOT, and
# PASS_STATUS, QEMU's exit status when the kernel passes (which no reset of
# the machine may give).
include arch/$(ARCH)/$(ARCH).mk

# What a chapter adds to the machine (a flash, a disk, user programs ...)
# the chapter itself declares, in its root <<chapter.mk>>, tangled with the
# rest into $(SRC)/chapter.mk; this file holds no chapter numbers.  What a
# chapter's fragment may use and extend:
#   BUILD_INPUTS   files `make build` makes beside the kernel (images)
#   QEMU_DEVICES   QEMU options for them (recursive: read at the last moment)
#   check-inputs   a target that checks them before QEMU starts (a chapter
#                  adds prerequisites: `check-inputs: check-flash`)
#   DEFAULT_DISK   the disk a run boots with unless DISK= says otherwise
#                  (`make disk-path`; graders copy it)
#   BUILD_VARS     NAME=value facts for `make vars` (transcripts, graders)
# and the machine's facts from arch/$(ARCH)/$(ARCH).mk (PFLASH_SIZE ...).
BUILD_INPUTS  =
QEMU_DEVICES  =
DEFAULT_DISK :=
BUILD_VARS   :=
-include $(SRC)/chapter.mk

KSRC := $(wildcard $(SRC)/kernel/*.c $(SRC)/arch/$(ARCH)/*.c $(SRC)/arch/$(ARCH)/*.S) $(SRC)/app/$(APP).c
KOBJ := $(patsubst $(SRC)/%,$(OBJ)/%.o,$(KSRC))

.PHONY: build run debug print-qemu print-disk check-inputs
build: $(IMAGE) $(BUILD_INPUTS) $(OUT)/compile_commands.json
	@echo "build: $(IMAGE)"

# The compile lines this build uses, for clangd and the editors built on it
# (it finds the file above $(SRC)); rewritten only when they change.
$(OUT)/compile_commands.json: $(KSRC) tools/kernel.mk arch/$(ARCH)/$(ARCH).mk
	@python3 -c 'import json, sys; d, cc, asm, out = sys.argv[1:5]; \
	  cmd = lambda f: (asm if f.endswith(".S") else cc).split() + ["-c", f]; \
	  new = json.dumps([{"directory": d, "file": f, "arguments": cmd(f)} for f in sys.argv[5:]], indent=1); \
	  old = open(out).read() if __import__("os").path.exists(out) else None; \
	  old == new or open(out, "w").write(new)' \
	  "$(CURDIR)" "$(CC) $(CFLAGS_COMMON) $(ARCH_CFLAGS)" "$(CC) $(ARCH_ASFLAGS) -g -I$(SRC)" $@ $(KSRC)

print-disk:
	@echo $(DEFAULT_DISK)

check-inputs: $(BUILD_INPUTS)

$(ELF): $(KOBJ) $(SRC)/arch/$(ARCH)/kernel.ld
	@$(LD) -nostdlib -static -T $(SRC)/arch/$(ARCH)/kernel.ld -o $@ $(KOBJ)

$(OBJ)/%.c.o: $(SRC)/%.c
	@mkdir -p $(dir $@)
	@$(CC) $(CFLAGS_COMMON) $(ARCH_CFLAGS) -MMD -c $< -o $@

$(OBJ)/%.S.o: $(SRC)/%.S
	@mkdir -p $(dir $@)
	@$(CC) $(ARCH_ASFLAGS) -g -I$(SRC) -MMD -c $< -o $@

$(SRC)/app/$(APP).c:
	@echo "build: chapter $(CH) has no root <<app/$(APP).c>>" >&2; exit 1

print-qemu: check-inputs
	@echo $(QEMU) $(QEMU_BOOT) $(QEMU_DEVICES)

# QEMU's status becomes make's: the machine's pass status is success,
# anything else a failure, with what the status says.
run: $(IMAGE) check-inputs
	@echo $(QEMU) $(QEMU_BOOT) $(QEMU_DEVICES)
	@$(QEMU) $(QEMU_BOOT) $(QEMU_DEVICES); status=$$?; \
	 [ $$status -eq $(PASS_STATUS) ] && exit 0; \
	 case $$status in \
	 1) why="the kernel failed (a panic or an unexpected trap, above)" ;; \
	 0) why="the machine reset or powered off without passing (a triple fault resets a PC), or QEMU was quit" ;; \
	 *) why="QEMU stopped for a reason of its own (its message is above)" ;; \
	 esac; \
	 echo "run: QEMU exited with status $$status, not $(ARCH)'s pass status $(PASS_STATUS): $$why" >&2; \
	 exit 1

GDB_PORT ?= 1234
debug: $(IMAGE) check-inputs
	@echo "debug: QEMU waits for gdb on localhost:$(GDB_PORT); quit gdb to stop it"
	@$(if $(DEBUG_NOTE),echo "debug: note: $(DEBUG_NOTE)")
	@echo $(QEMU) $(QEMU_BOOT) $(QEMU_DEVICES) -S -gdb tcp::$(GDB_PORT)
	@$(QEMU) $(QEMU_BOOT) $(QEMU_DEVICES) -S -gdb tcp::$(GDB_PORT) & qemu=$$!; \
	 gdb-multiarch -q -ex 'set confirm off' -ex 'target remote localhost:$(GDB_PORT)' $(ELF); \
	 kill $$qemu 2>/dev/null; wait $$qemu 2>/dev/null; true

-include $(KOBJ:.o=.d)

# The values an expected transcript may name (@ARCH@, @PLATFORM@, @CH@ ...).
.PHONY: print-vars
print-vars:
	@echo ARCH=$(ARCH) PLATFORM=$(PLATFORM) CH=$(CH) PASS_STATUS=$(PASS_STATUS) $(TRANSCRIPT_VARS) $(BUILD_VARS)
