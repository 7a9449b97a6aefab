# Exercise 2.3, the free ranges, on a machine with a size of RAM drawn for
# this grade (260 to 508 MiB: always above 256 MiB, where loongarch64's RAM
# is in two pieces, so that every draw tests the same cases): sorted, disjoint, page-aligned, inside RAM,
# clear of the kernel image, and holding every free frame the grader's
# test code (tests/graders/02.3.nw) finds in the allocator after the app.
. tests/graders/lib.sh
GRADER_NW=tests/graders/02.3.nw
mib=$((260 + 4 * ($(seed 2) % 63)))
ram() {   # the machine's RAM with -m ${mib}M: "base end" lines
    size=$((mib << 20))
    case $1 in
    riscv64) printf '%#x %#x\n' 0x80000000 $((0x80000000 + size)) ;;
    aarch64) printf '%#x %#x\n' 0x40000000 $((0x40000000 + size)) ;;
    x86_64) printf '0x0 0xa0000\n0x100000 %#x\n' $size ;;
    loongarch64) low=$((size < 0x10000000 ? size : 0x10000000))    # 256 MiB at 0, the rest at 2 GiB
                 printf '0x0 %#x\n0x80000000 %#x\n' $low $((0x80000000 + size - low)) ;;
    esac
}
for arch in $ARCHES; do
    boot "$arch" -m ${mib}M || continue
    status_is 0
    [ "$rc" -eq 0 ] || continue
    elf=$(kernel_dir)/kernel.elf
    # The symbols are virtual addresses; the first loadable segment's
    # virtual minus physical address is the image's offset.
    load=$(llvm-readelf-19 -lW "$elf" | awk '$1 == "LOAD" { print $3 "-" $4; exit }')
    ks=$(llvm-nm-19 "$elf" | awk '$3 == "__kernel_start" { print "0x" $1 }')
    ke=$(llvm-nm-19 "$elf" | awk '$3 == "__kernel_end" { print "0x" $1 }')
    python3 - "$out" "$ks" "$ke" "$arch" "$(ram "$arch")" "$load" <<'PY'
import re, sys
out, ks, ke, arch, ram = sys.argv[1], int(sys.argv[2], 16), int(sys.argv[3], 16), sys.argv[4], sys.argv[5]
vaddr, paddr = (int(x, 16) for x in sys.argv[6].split("-"))
ks, ke = ks - (vaddr - paddr), ke - (vaddr - paddr)      # the image's physical bounds
ram = [tuple(int(x, 16) for x in l.split()) for l in ram.splitlines()]
text = open(out, errors="replace").read()
rx = re.compile(r"^free \[(0x[0-9a-f]+|0), (0x[0-9a-f]+)\) ([0-9]+) MiB$", re.M)
ranges = [(int(a, 16), int(b, 16), int(m)) for a, b, m in rx.findall(text)]
frees = [(int(a, 16), int(b, 16)) for a, b in re.findall(r"^grader: free frames \[(0x[0-9a-f]+|0), (0x[0-9a-f]+)\)$", text, re.M)]
def say(ok, what):
    print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
if not ranges:
    say(False, 'no lines "free [0x..., 0x...) N MiB" (see %s)' % out); sys.exit()
say(all(a < b and a % 4096 == 0 and b % 4096 == 0 for a, b, _ in ranges), "%d ranges, page-aligned and not empty" % len(ranges))
say(all(ranges[i][1] <= ranges[i + 1][0] for i in range(len(ranges) - 1)), "sorted and disjoint")
say(all(any(lo <= a and b <= hi for lo, hi in ram) for a, b, _ in ranges), "inside RAM")
say(all(b <= ks or a >= ke for a, b, _ in ranges), "clear of the kernel image [%#x, %#x)" % (ks, ke))
say(all(mib == (b - a) >> 20 for a, b, mib in ranges), "the MiB figures are the sizes")
outside = [(a, b) for a, b in frees if not any(lo <= a and b <= hi for lo, hi, _ in ranges)]
say(frees and not outside, "they hold every free frame, in %d stretches%s" % (len(frees),
    "; not [%#x, %#x)" % outside[0] if outside else ""))
PY
done
