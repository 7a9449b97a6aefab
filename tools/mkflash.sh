#!/bin/sh
# tools/mkflash.sh make  FILE SIZE MAGIC [FIRMWARE]
# tools/mkflash.sh check FILE SIZE ARCH
#
# make: writes a flash image of SIZE bytes filled with 0xFF (what an erased
# NOR flash reads), MAGIC in its first bytes (none if MAGIC is empty), and,
# if FIRMWARE is given, that file at the image's very end, where the PC's
# reset vector (4 GiB - 16) will find it.
# check: refuses, with a message, an image QEMU would reject or misplace.
set -eu
case ${1:-} in
make)
    file=$2 size=$3 magic=$4 firmware=${5:-}
    mkdir -p "$(dirname "$file")"
    LC_ALL=C tr '\000' '\377' < /dev/zero | head -c "$size" > "$file.tmp$$"
    [ -n "$magic" ] && printf '%s' "$magic" | dd of="$file.tmp$$" conv=notrunc status=none
    if [ -n "$firmware" ]; then
        fw=$(wc -c < "$firmware")
        dd if="$firmware" of="$file.tmp$$" bs=1024 seek=$(( (size - fw) / 1024 )) conv=notrunc status=none
    fi
    mv "$file.tmp$$" "$file" ;;
check)
    file=$2 size=$3 arch=$4
    [ -f "$file" ] || { echo "pflash: $file does not exist" >&2; exit 1; }
    got=$(wc -c < "$file")
    if [ "$got" -ne "$size" ]; then
        echo "pflash: $file is $got bytes; the $arch board's flash needs exactly $size ($((size >> 20)) MiB)." >&2
        echo "pflash: QEMU would refuse it (riscv64, aarch64), abort (loongarch64) or map it at the wrong address (x86_64, where the size sets the base); make one with: truncate -s $size $file" >&2
        exit 1
    fi ;;
*)
    echo "usage: tools/mkflash.sh make FILE SIZE MAGIC [FIRMWARE] | check FILE SIZE ARCH" >&2; exit 2 ;;
esac
