#!/bin/sh
# tools/deps.sh: install what Loom needs, if it is missing.
#
#   tools/deps.sh          install (as root, or through sudo) what is missing
#   tools/deps.sh --check  only report; exit 1 if something is missing
#
# Quiet and idempotent when everything is present. On Debian 12 QEMU 10
# comes from bookworm-backports; the backports entry is derived from the
# machine's own Debian sources entry, so no mirror name is written here.
set -u
check_only=no
[ "${1:-}" = "--check" ] && check_only=yes

# package:command-that-proves-it
want="clang-19:clang-19 lld-19:ld.lld-19 llvm-19:llvm-objcopy-19 noweb:notangle
pandoc:pandoc graphviz:dot gdb-multiarch:gdb-multiarch universal-ctags:ctags
python3:python3 opensbi:/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_dynamic.bin
seabios:/usr/share/seabios/bios-256k.bin libclang-rt-19-dev:@sanitizers
qemu-system-misc:qemu-system-riscv64 qemu-system-misc:qemu-system-loongarch64
qemu-system-arm:qemu-system-aarch64 qemu-system-x86:qemu-system-x86_64
dosfstools:/usr/sbin/mkfs.fat mtools:mcopy"
qemu_min=10

have() {
    case $1 in
    @sanitizers)  # the host tests' ASan, UBSan and TSan runtimes for clang-19
        command -v clang-19 >/dev/null 2>&1 &&
        echo 'int main(void) { return 0; }' |
            clang-19 -x c - -fsanitize=address,undefined -o /dev/null 2>/dev/null ;;
    /*) [ -e "$1" ] ;;
    *)  command -v "$1" >/dev/null 2>&1 ;;
    esac
}

qemu_major() {  # prints the major version of qemu-system-$1, or 0
    v=$(qemu-system-"$1" --version 2>/dev/null | sed -n 's/^QEMU emulator version \([0-9]*\).*/\1/p')
    echo "${v:-0}"
}

missing=""
qemu_old=""
for pair in $want; do
    pkg=${pair%%:*} prog=${pair#*:}
    have "$prog" || { case " $missing " in *" $pkg "*) ;; *) missing="$missing $pkg" ;; esac; }
done
for a in riscv64 aarch64 x86_64 loongarch64; do
    m=$(qemu_major $a)
    if [ "$m" != 0 ] && [ "$m" -lt $qemu_min ]; then qemu_old="$qemu_old qemu-system-$a($m)"; fi
done

[ -z "$missing$qemu_old" ] && exit 0

if [ -n "$qemu_old" ]; then
    echo "deps: QEMU too old:$qemu_old; Loom needs QEMU >= $qemu_min" \
         "(older QEMU has no PFlash on loongarch64 virt)." >&2
    missing="$missing qemu-system-misc qemu-system-arm qemu-system-x86"
fi
echo "deps: missing:$missing" >&2
[ $check_only = yes ] && { echo "deps: run 'make deps' to install them." >&2; exit 1; }

. /etc/os-release 2>/dev/null
if [ "${ID:-}" != debian ] || [ "${VERSION_ID:-}" != 12 ]; then
    cat >&2 <<MSG
deps: this is ${PRETTY_NAME:-an unknown system}, not Debian 12; install by hand:
  clang 19, ld.lld 19, llvm-objcopy 19, noweb 2.12, pandoc >= 2.17, graphviz,
  QEMU >= $qemu_min (qemu-system-riscv64, -aarch64, -x86_64, -loongarch64),
  OpenSBI (QEMU's riscv64 -bios default), SeaBIOS (bios-256k.bin),
  gdb-multiarch, universal-ctags, python3.
MSG
    exit 1
fi

SUDO=""
if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo"
    else
        echo "deps: not root and no password-less sudo; run as root:" >&2
        echo "  sudo sh tools/deps.sh" >&2
        exit 1
    fi
fi

# Derive a bookworm-backports entry from the first Debian entry that names
# bookworm, in either sources format.
bp=/etc/apt/sources.list.d/loom-bookworm-backports.sources
if ! grep -rqs 'bookworm-backports' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    uri=""
    for f in /etc/apt/sources.list.d/*.sources; do
        [ -e "$f" ] || continue
        uri=$(awk 'BEGIN{RS=""} /Suites:[^\n]*bookworm( |\n|$)/ && /Components:[^\n]*main/ {
                 if (match($0, /URIs:[ \t]*[^ \t\n]+/)) { s=substr($0,RSTART,RLENGTH); sub(/URIs:[ \t]*/,"",s); print s; exit } }' "$f")
        [ -n "$uri" ] && break
    done
    if [ -z "$uri" ]; then
        uri=$(awk '$1=="deb" && $0 ~ / bookworm / { for (i=2;i<=NF;i++) if ($i ~ /^[a-z]+:\/\//) { print $i; exit } }' \
              /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null | head -n 1)
    fi
    if [ -z "$uri" ]; then
        echo "deps: found no Debian bookworm entry in /etc/apt to derive bookworm-backports from." >&2
        exit 1
    fi
    printf 'Types: deb\nURIs: %s\nSuites: bookworm-backports\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n' \
        "$uri" | $SUDO tee "$bp" >/dev/null
    echo "deps: enabled bookworm-backports from $uri (in $bp)"
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq || exit 1
pkgs=$(echo "$missing" | tr ' ' '\n' | grep -v '^qemu-system' | sort -u | tr '\n' ' ')
$SUDO apt-get install -y -qq --no-install-recommends $pkgs >/dev/null || exit 1
case "$missing" in *qemu-system*)
    $SUDO apt-get install -y -qq --no-install-recommends -t bookworm-backports \
        qemu-system-misc qemu-system-arm qemu-system-x86 qemu-system-data >/dev/null || exit 1 ;;
esac
sh "$0" --check && echo "deps: all present."
