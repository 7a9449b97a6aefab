# Exercise 2.3, the free ranges: sorted, disjoint, page-aligned, inside RAM,
# clear of the kernel image, and holding the free memory the banner reports.
. tests/graders/lib.sh
ram() {   # the machine's RAM with -m 128M: "base end" lines
    case $1 in
    riscv64) echo "0x80000000 0x88000000" ;;
    aarch64) echo "0x40000000 0x48000000" ;;
    x86_64) printf '0x0 0x9fc00\n0x100000 0x7fdf000\n' ;;
    loongarch64) echo "0x0 0x8000000" ;;
    esac
}
for arch in $ARCHES; do
    boot "$arch" || continue
    [ "$rc" -eq 0 ] || { bad "$arch: QEMU exits with status $rc, not 0 (see $out)"; continue; }
    elf=$(make -s outdir ARCH="$arch" CH="$CH" EXTRA="$ANSWER")/kernel.elf
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
m = re.search(r"^memory = .*, ([0-9]+) KiB free$", text, re.M)
def say(ok, what):
    print(("GOOD     " if ok else "BAD      ") + arch + ": " + what)
if not ranges:
    say(False, 'no lines "free [0x..., 0x...) N MiB" (see %s)' % out); sys.exit()
say(all(a < b and a % 4096 == 0 and b % 4096 == 0 for a, b, _ in ranges), "%d ranges, page-aligned and not empty" % len(ranges))
say(all(ranges[i][1] <= ranges[i + 1][0] for i in range(len(ranges) - 1)), "sorted and disjoint")
say(all(any(lo <= a and b <= hi for lo, hi in ram) for a, b, _ in ranges), "inside RAM")
say(all(b <= ks or a >= ke for a, b, _ in ranges), "clear of the kernel image [%#x, %#x)" % (ks, ke))
say(all(mib == (b - a) >> 20 for a, b, mib in ranges), "the MiB figures are the sizes")
say(m is not None and sum(b - a for a, b, _ in ranges) >= int(m.group(1)) * 1024, "they hold the free memory the banner reports")
PY
done
