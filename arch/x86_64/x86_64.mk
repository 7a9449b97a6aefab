# x86_64: QEMU q35 PC, SeaBIOS (QEMU's default firmware), the kernel loaded by
# QEMU's multiboot (v1) loader in 32-bit protected mode.
# Facts: ../shared/reference/machines.md section 3; prose: arch/x86_64/01-helloworld.nw.
PLATFORM     := x86-pc
# -mcmodel=kernel: the image is linked in the top 2 GiB (0xffffffff80100000,
# loaded at 1 MiB), where every address fits a sign-extended 32-bit immediate;
# no red zone (traps push onto the interrupted stack); no SSE/x87 (the traps
# do not save those registers; chapter 9 turns the unit off, CR0.TS).
ARCH_TARGET  := --target=x86_64-unknown-elf
ARCH_CFLAGS  := $(ARCH_TARGET) -mcmodel=kernel -mno-red-zone -mgeneral-regs-only
ARCH_ASFLAGS := $(ARCH_TARGET)
# QEMU's multiboot loader refuses an ELF64 file: it boots a flat binary whose
# multiboot header gives the (physical) load addresses (the "a.out kludge");
# objcopy lays the sections out by their load addresses.
IMAGE        := $(OUT)/kernel.bin
QEMU         := qemu-system-x86_64 -machine q35 -cpu max -m 128M -smp $(SMP) -nographic -no-reboot \
                -nic none -device pvpanic -action panic=exit-failure \
                -device isa-debug-exit,iobase=0xf4,iosize=4
# The pass: a write of 0x10 to isa-debug-exit, which QEMU ends with status
# (0x10 << 1) | 1 = 33.  Not the power-off's 0: a triple fault resets the PC,
# and under -no-reboot QEMU reports a reset with 0 too.
PASS_STATUS  := 33
QEMU_BOOT    := -kernel $(IMAGE)

$(IMAGE): $(ELF)
	@$(OBJCOPY) -O binary $< $@
# From chapter 3 on, the PC boots through its flash: pflash unit 0 is a 4 MiB
# image that QEMU maps at 4 GiB - 4 MiB = 0xFFC00000, "PFLA" at its start and
# SeaBIOS at its end, over the reset vector (tools/mkflash.sh puts it there).
# With a pflash unit 0 and no -bios (the QEMU line above gives none), QEMU
# runs the firmware from the flash.  Prose: arch/x86_64/03-readpflash.nw.
# PFLASH_DRIVE is recursive (=): tools/kernel.mk sets PFLASH after reading this file.
PFLASH_SIZE     := 4194304
PFLASH_DRIVE     = -drive if=pflash,unit=0,format=raw,file=$(PFLASH)
PFLASH_FIRMWARE := /usr/share/seabios/bios-256k.bin
# RAM_MIB: -m 128M less the BIOS area and the ACPI tables; the flash's
# physical address, and its address in the linear map, as the crate prints them.
TRANSCRIPT_VARS := RAM_MIB=127 PFLASH_PA=0xFFC00000 PFLASH_VA=0xFFFF8000FFC00000
