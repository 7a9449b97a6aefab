#!/bin/sh
# tools/mkdisk.sh FILE SIZE [OEM] [BLOCK:TEXT...]
#
# Writes the disk image of chapter 7 (arceos-readblk): SIZE bytes, sparse,
# holding only a fake FAT boot sector, as the crate's build tool makes it:
# bytes 0-2 EB 3C 90 (a jump over the BIOS parameter block), bytes 3-10
# the OEM name (default "mkfs.fat", the program that formats FAT file
# systems on Linux), bytes 11-12 the sector size, 512 (00 02), the rest
# zero.  OEM "" writes a blank sector 0.  Each BLOCK:TEXT writes TEXT at the
# start of 512-byte block BLOCK (the tests mark blocks to read back).
set -eu
[ $# -ge 2 ] || { echo "usage: tools/mkdisk.sh FILE SIZE [OEM] [BLOCK:TEXT...]" >&2; exit 2; }
file=$1 size=$2 oem=${3-mkfs.fat}
[ $# -ge 3 ] && shift 3 || shift $#
mkdir -p "$(dirname "$file")"
rm -f "$file.tmp$$"
truncate -s "$size" "$file.tmp$$"
if [ -n "$oem" ]; then
    printf '\353\074\220%-8.8s\000\002' "$oem" | dd of="$file.tmp$$" conv=notrunc status=none
fi
for mark in "$@"; do
    block=${mark%%:*} text=${mark#*:}
    printf '%s' "$text" | dd of="$file.tmp$$" bs=512 seek="$block" conv=notrunc status=none
done
mv "$file.tmp$$" "$file"
