# aarch64: QEMU virt, no firmware: QEMU's own loader starts the ELF at EL1
# (at EL2 with EL2=1), at physical 0x40200000; the kernel is linked at
# 0xffff000040200000 and its entry code turns the MMU on and jumps there.
# Facts: ../shared/reference/machines.md section 2; prose:
# arch/aarch64/01-helloworld.nw, "Building for aarch64" and "The boot page table".
PLATFORM     := aarch64-qemu-virt
ARCH_TARGET  := --target=aarch64-unknown-elf -mcpu=cortex-a72
ARCH_CFLAGS  := $(ARCH_TARGET) -mgeneral-regs-only -mstrict-align
ARCH_ASFLAGS := $(ARCH_TARGET)
IMAGE        := $(ELF)
# EL2=1 boots the kernel at EL2 (-machine virtualization=on), as chapters
# 12-15 will; the kernel then drops to EL1 itself.
comma        := ,
QEMU_MACHINE := virt,highmem=off$(if $(filter 1,$(EL2)),$(comma)virtualization=on)
QEMU         := qemu-system-aarch64 -machine $(QEMU_MACHINE) -cpu cortex-a72 -m 128M -smp $(SMP) \
                -nographic -no-reboot -nic none -device pvpanic-pci -action panic=exit-failure
# The pass: the power-off (PSCI SYSTEM_OFF), status 0.  A reset under -no-reboot
# exits with 0 too, but nothing resets this board unless asked to: it has no
# watchdog, and the processor has no triple fault (x86_64.mk).
PASS_STATUS  := 0
QEMU_BOOT    := -kernel $(IMAGE)
# Chapter 3 on: the flash.  The virt board has two CFI banks of exactly
# 64 MiB, at 0 and 0x04000000; unit=1 is the second (with a drive on unit 0,
# QEMU boots the flash instead of -kernel).  No firmware in it.
# PFLASH_DRIVE is recursive (=): tools/kernel.mk sets PFLASH after this file.
PFLASH_SIZE  := 67108864
PFLASH_DRIVE  = -drive if=pflash,unit=1,format=raw,file=$(PFLASH)
# RAM_MIB: what the device tree reports of -m 128M; the flash's physical
# address, and its address in the linear map, as the crate prints them.
TRANSCRIPT_VARS := RAM_MIB=128 PFLASH_PA=0x4000000 PFLASH_VA=0xFFFF000004000000
DEBUG_NOTE   := the code before the jump to the upper half runs at physical addresses, where gdb shows ?? (); add-symbol-file $(ELF) -o -0xffff000000000000 names it
