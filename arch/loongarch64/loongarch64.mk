# loongarch64: QEMU virt, booted directly from the ELF (no firmware), in
# direct-address mode at PLV0; the kernel is linked in the cached window
# DMW0 at 0x9000000000200000 and loaded at physical 0x200000.
# Facts: ../shared/reference/machines.md section 4; prose: arch/loongarch64/01-helloworld.nw.
PLATFORM     := loongarch64-qemu-virt
ARCH_TARGET  := --target=loongarch64-unknown-none -march=loongarch64 -mfpu=none -msimd=none
ARCH_CFLAGS  := $(ARCH_TARGET) -mstrict-align -ftrap-function=loongarch64_builtin_trap
ARCH_ASFLAGS := $(ARCH_TARGET)
IMAGE        := $(OUT)/kernel.elf
QEMU         := qemu-system-loongarch64 -machine virt -cpu la464 -m 128M -smp $(SMP) -nographic \
                -no-reboot -nic none -device pvpanic-pci -action panic=exit-failure
# The pass: the power-off (the GED's sleep control), status 0.  A reset under -no-reboot
# exits with 0 too, but nothing resets this board unless asked to: it has no
# watchdog, and the processor has no triple fault (x86_64.mk).
PASS_STATUS  := 0
QEMU_BOOT    := -kernel $(IMAGE)

# Debian 12's gdb-multiarch (13.1) has no LoongArch target: make debug says so.
DEBUG_NOTE := this gdb-multiarch may not know LoongArch ("unknown architecture"); QEMU's stub still waits on the port for a gdb built with LoongArch support
TRANSCRIPT_VARS := RAM_MIB=128   # what the firmware reports of -m 128M
# Chapter 3 on: the flash.  The virt board's flash@1c000000 has two banks of
# 16 MiB; unit=1 is the second, at 0x1D000000 (with a drive on unit 0, QEMU
# boots the flash instead of -kernel).  QEMU takes an image of 16 MiB or
# less and aborts on a larger one; make run wants exactly 16 MiB.
# PFLASH_DRIVE is recursive (=): tools/kernel.mk sets PFLASH after this file.
PFLASH_SIZE  := 16777216
PFLASH_DRIVE  = -drive if=pflash,unit=1,format=raw,file=$(PFLASH)
TRANSCRIPT_VARS += PFLASH_PA=0x1D000000 PFLASH_VA=0xFFFF80001D000000
