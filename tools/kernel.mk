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
# boots: the ELF, or a file the .mk makes from it), QEMU and QEMU_BOOT.
include arch/$(ARCH)/$(ARCH).mk

# From chapter 3 on, the machine has a flash (pflash) holding "PFLA": the
# arch .mk gives PFLASH_SIZE, PFLASH_DRIVE (the -drive option, naming
# $(PFLASH)) and, on x86_64, PFLASH_FIRMWARE (SeaBIOS, copied to its end).
# PFLASH=file boots another image; its size is checked before QEMU starts.
CH_NUM      := $(firstword $(subst -, ,$(CH)))
USES_PFLASH := $(if $(filter-out 01 02,$(CH_NUM)),yes)
DEFAULT_PFLASH := $(dir $(OUT))pflash.img
ifeq ($(USES_PFLASH),yes)
PFLASH      ?= $(DEFAULT_PFLASH)
QEMU_BOOT   += $(PFLASH_DRIVE)
endif

# From chapter 7 on, a virtio disk of 64 MiB: chapter 7's holds a fake FAT
# boot sector (tools/mkdisk.sh), chapter 8's on a FAT32 file system with
# the crate's /sbin/origin.bin (tools/mkfat.sh).  From chapter 9 on the
# disk holds the user programs instead, each root user/NAME.S of the tangled
# tree as /sbin/NAME, so it belongs to the build (a test kernel's programs
# are its own).  DISK=file boots another image, DISK=none none at all.  Two
# QEMUs must not open one image (QEMU locks it): tests and graders give
# their own.
USES_DISK    := $(shell [ "$(CH_NUM)" -ge 7 ] 2>/dev/null && echo yes)
DISK_KIND    := $(shell [ "$(CH_NUM)" -ge 9 ] 2>/dev/null && echo user || { [ "$(CH_NUM)" -ge 8 ] 2>/dev/null && echo fat || echo boot; })
DEFAULT_DISK := $(if $(filter user,$(DISK_KIND)),$(OUT)/disk-user.img,$(dir $(OUT))disk-$(DISK_KIND).img)
DISK_SIZE    := 67108864
ifeq ($(USES_DISK),yes)
DISK        ?= $(DEFAULT_DISK)
ifneq ($(DISK),none)
QEMU_BOOT   += -drive file=$(DISK),format=raw,if=none,id=disk0 -device virtio-blk-pci,drive=disk0
endif
endif

KSRC := $(wildcard $(SRC)/kernel/*.c $(SRC)/arch/$(ARCH)/*.c $(SRC)/arch/$(ARCH)/*.S) $(SRC)/app/$(APP).c
KOBJ := $(patsubst $(SRC)/%,$(OBJ)/%.o,$(KSRC))

.PHONY: build run debug print-qemu print-disk check-pflash
build: $(IMAGE) $(if $(USES_PFLASH),$(DEFAULT_PFLASH)) $(if $(USES_DISK),$(DEFAULT_DISK))
	@echo "build: $(IMAGE)"

$(DEFAULT_PFLASH):
	@tools/mkflash.sh make $@ $(PFLASH_SIZE) PFLA $(PFLASH_FIRMWARE)

$(dir $(OUT))disk-boot.img:
	@tools/mkdisk.sh $@ $(DISK_SIZE)

# origin.bin: 64 bytes, byte i = (i * 0x11 + 0x10) & 0xff, as the crate's build tool writes it
$(dir $(OUT))disk-fat.img:
	@python3 -c 'import sys; sys.stdout.buffer.write(bytes((i * 0x11 + 0x10) & 0xff for i in range(64)))' > $@.origin
	@tools/mkfat.sh $@ $(DISK_SIZE) $@.origin:/sbin/origin.bin
	@rm -f $@.origin

# User programs (chapter 9): assembled, linked at the crate's entry 0x1000,
# only their bytes kept.
USER_BIN := $(patsubst $(SRC)/user/%.S,$(OUT)/user/%.bin,$(wildcard $(SRC)/user/*.S))
$(OUT)/user/%.bin: $(SRC)/user/%.S
	@mkdir -p $(dir $@)
	@$(CC) $(ARCH_ASFLAGS) -c $< -o $(@:.bin=.o)
	@$(LD) -nostdlib -static -Ttext=0x1000 -e _start -o $(@:.bin=.elf) $(@:.bin=.o)
	@$(OBJCOPY) -O binary $(@:.bin=.elf) $@

$(OUT)/disk-user.img: $(USER_BIN)
	@tools/mkfat.sh $@ $(DISK_SIZE) $(foreach b,$(USER_BIN),$(b):/sbin/$(basename $(notdir $(b))))

print-disk:
	@echo $(DEFAULT_DISK)

check-pflash: $(if $(USES_PFLASH),$(DEFAULT_PFLASH)) $(if $(USES_DISK),$(DEFAULT_DISK))
	@$(if $(USES_PFLASH),tools/mkflash.sh check $(PFLASH) $(PFLASH_SIZE) $(ARCH))
	@$(if $(USES_DISK),$(if $(filter none,$(DISK)),,[ -f "$(DISK)" ] || { echo "disk: $(DISK) does not exist (make one: tools/mkdisk.sh FILE $(DISK_SIZE); or boot with none: DISK=none)" >&2; exit 1; }))

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

print-qemu: check-pflash
	@echo $(QEMU) $(QEMU_BOOT)

run: $(IMAGE) check-pflash
	@echo $(QEMU) $(QEMU_BOOT)
	@$(QEMU) $(QEMU_BOOT)

GDB_PORT ?= 1234
debug: $(IMAGE) check-pflash
	@echo "debug: QEMU waits for gdb on localhost:$(GDB_PORT); quit gdb to stop it"
	@$(if $(DEBUG_NOTE),echo "debug: note: $(DEBUG_NOTE)")
	@echo $(QEMU) $(QEMU_BOOT) -S -gdb tcp::$(GDB_PORT)
	@$(QEMU) $(QEMU_BOOT) -S -gdb tcp::$(GDB_PORT) & qemu=$$!; \
	 gdb-multiarch -q -ex 'set confirm off' -ex 'target remote localhost:$(GDB_PORT)' $(ELF); \
	 kill $$qemu 2>/dev/null; wait $$qemu 2>/dev/null; true

-include $(KOBJ:.o=.d)

# The values an expected transcript may name (@ARCH@, @PLATFORM@, @CH@ ...).
.PHONY: print-vars
print-vars:
	@echo ARCH=$(ARCH) PLATFORM=$(PLATFORM) CH=$(CH) $(TRANSCRIPT_VARS)

.PHONY: print-flash-size print-flash-firmware
print-flash-size:
	@echo $(PFLASH_SIZE)
print-flash-firmware:
	@echo $(PFLASH_FIRMWARE)
