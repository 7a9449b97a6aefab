#!/bin/sh
# tools/mkfat.sh FILE SIZE [HOSTFILE:/PATH...]
#
# Writes a FAT32 disk image of SIZE bytes (mkfs.fat, from dosfstools) that
# holds each HOSTFILE at /PATH, directories made as needed (mtools' mmd and
# mcopy, which write into the image without mounting it).  The disk of
# chapter 8 (arceos-loadapp) is
#     tools/mkfat.sh disk.img 67108864 origin.bin:/sbin/origin.bin
set -eu
[ $# -ge 2 ] || { echo "usage: tools/mkfat.sh FILE SIZE [HOSTFILE:/PATH...]" >&2; exit 2; }
file=$1 size=$2
shift 2
PATH=$PATH:/usr/sbin:/sbin              # mkfs.fat is an administrator's tool
export MTOOLS_SKIP_CHECK=1              # mtools: no complaint about the geometry of a file
tmp=$file.tmp$$   # $$: two builds may make one image at once
mkdir -p "$(dirname "$file")"
rm -f "$tmp"
truncate -s "$size" "$tmp"
mkfs.fat -F 32 -n LOOM "$tmp" > /dev/null
for pair in "$@"; do
    src=${pair%%:*} dest=${pair#*:}
    dir= rest=${dest#/}
    while [ "${rest#*/}" != "$rest" ]; do     # make each directory on the way
        dir=$dir/${rest%%/*} rest=${rest#*/}
        mdir -i "$tmp" "::$dir" > /dev/null 2>&1 || mmd -i "$tmp" "::$dir"
    done
    mcopy -i "$tmp" "$src" "::$dest"
done
mv "$tmp" "$file"
