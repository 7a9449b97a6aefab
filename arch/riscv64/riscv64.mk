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
QEMU_BOOT    := -kernel $(IMAGE)
TRANSCRIPT_VARS := RAM_MIB=128   # what the firmware reports of -m 128M
