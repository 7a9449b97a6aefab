# x86_64: QEMU q35 PC, SeaBIOS (QEMU's default firmware), the kernel loaded by
# QEMU's multiboot (v1) loader in 32-bit protected mode.
# Facts: ../shared/reference/machines.md section 3; prose: arch/x86_64/01-helloworld.nw.
PLATFORM     := x86-pc
# -mcmodel=kernel: the image is linked in the top 2 GiB (0xffffffff80100000,
# loaded at 1 MiB), where every address fits a sign-extended 32-bit immediate;
# no red zone (traps push onto the interrupted stack); no SSE/x87 (disabled in
# CR0/CR4, not saved on traps).
ARCH_TARGET  := --target=x86_64-unknown-elf
ARCH_CFLAGS  := $(ARCH_TARGET) -mcmodel=kernel -mno-red-zone -mgeneral-regs-only
ARCH_ASFLAGS := $(ARCH_TARGET)
# QEMU's multiboot loader refuses an ELF64 file: it boots a flat binary whose
# multiboot header gives the (physical) load addresses (the "a.out kludge");
# objcopy lays the sections out by their load addresses.
IMAGE        := $(OUT)/kernel.bin
QEMU         := qemu-system-x86_64 -machine q35 -cpu max -m 128M -smp $(SMP) -nographic -no-reboot \
                -nic none -device pvpanic -action panic=exit-failure
QEMU_BOOT    := -kernel $(IMAGE)

$(IMAGE): $(ELF)
	@$(OBJCOPY) -O binary $< $@
TRANSCRIPT_VARS := RAM_MIB=127   # -m 128M less the BIOS area and the ACPI tables
