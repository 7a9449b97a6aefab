# riscv64: QEMU virt, booted by OpenSBI (QEMU's default -bios) in S-mode.
# Facts: ../shared/reference/machines.md section 1; prose: arch/riscv64/01-helloworld.nw.
PLATFORM     := riscv64-qemu-virt
# -mcmodel=medany: the image is linked at 0xffffffc080200000, out of medlow's
# reach, and runs at its physical address until the entry code turns Sv39 on.
ARCH_TARGET  := --target=riscv64-unknown-elf -march=rv64imac_zicsr_zifencei -mabi=lp64 \
                -mcmodel=medany -mno-relax
ARCH_CFLAGS  := $(ARCH_TARGET)
ARCH_ASFLAGS := $(ARCH_TARGET)
IMAGE        := $(OUT)/kernel.elf
QEMU         := qemu-system-riscv64 -machine virt -m 128M -smp $(SMP) -nographic -no-reboot \
                -bios default -nic none -device pvpanic-pci -action panic=exit-failure
# The pass: the power-off (SBI SRST), status 0.  A reset under -no-reboot
# exits with 0 too, but nothing resets this board unless asked to: it has no
# watchdog, and the processor has no triple fault (x86_64.mk).
PASS_STATUS  := 0
QEMU_BOOT    := -kernel $(IMAGE)
TRANSCRIPT_VARS := RAM_MIB=128   # what the firmware reports of -m 128M
# Chapter 3 on: the flash.  The virt board has two CFI banks of exactly
# 32 MiB at 0x20000000 and 0x22000000; unit=1 is the second (unit=0 would
# make OpenSBI jump into it instead of to the kernel).  No firmware in it.
# PFLASH_DRIVE is recursive (=): tools/kernel.mk sets PFLASH after this file.
PFLASH_SIZE  := 33554432
PFLASH_DRIVE  = -drive if=pflash,unit=1,format=raw,file=$(PFLASH)
TRANSCRIPT_VARS += PFLASH_PA=0x22000000 PFLASH_VA=0xFFFFFFC022000000
