#!/usr/bin/env python3
"""tests/fatimages.py DIR: the disk images of chapter 8's host test.

DIR/good.img is a FAT32 volume made by mkfs.fat and filled by mtools, as
tools/mkfat.sh does: files of awkward sizes (empty, one byte, one sector,
one byte more, many clusters) in nested directories, two files of 200
clusters each (whose chains need several sectors of the table), a
directory of 40 files (several clusters), and one file whose clusters
are not consecutive (made by writing a file, deleting the one before it
and writing a bigger one into the hole).  DIR/good.list names each file
but the 40, its size and the seed of its content (byte i is
(i * 31 + seed) & 0xff), for the test to check every byte.

DIR/topbits.img is good.img with the reserved top four bits of every
table entry in use set: it must read as good.img does.

The damaged images are good.img with one thing broken, each listed in
DIR/damaged.list with what the test does (mount, open or read), the path,
and a phrase its error must contain.  All images are written sparse.
"""
import os, struct, subprocess, sys

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
env = dict(os.environ, MTOOLS_SKIP_CHECK="1", PATH=os.environ["PATH"] + ":/usr/sbin:/sbin")

def content(size, seed):
    return bytes((i * 31 + seed) & 0xFF for i in range(size))

def run(*args):
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)

files = [("/empty", 0), ("/one", 1), ("/sector.bin", 512), ("/sector1.bin", 513),
         ("/docs/readme.txt", 3000), ("/a/b/c/deep.dat", 20000), ("/sbin/origin.bin", 64),
         ("/big/one.bin", 102400), ("/big/two.bin", 102400)]
img = os.path.join(out, "good.img")
if os.path.exists(img):
    os.remove(img)
with open(img, "wb") as f:
    f.truncate(64 << 20)
run("mkfs.fat", "-F", "32", "-n", "LOOM", img)
listed = []
def put(path, size, seed):
    host = os.path.join(out, "file.tmp")
    with open(host, "wb") as f:
        f.write(content(size, seed))
    parts = path.strip("/").split("/")[:-1]
    for i in range(len(parts)):
        d = "::/" + "/".join(parts[:i + 1])
        if subprocess.run(["mdir", "-i", img, d], env=env, capture_output=True).returncode != 0:
            run("mmd", "-i", img, d)
    run("mcopy", "-i", img, host, "::" + path)
    os.remove(host)
for n, (path, size) in enumerate(files):
    put(path, size, n + 1)
    listed.append((path, size, n + 1))
# a file in two pieces: a hole (a file written, then deleted), a neighbour,
# and a bigger file, whose first four clusters the script then moves into
# the hole (mtools itself allocates after the last cluster it used)
put("/frag/hole", 4000, 90)
put("/frag/after", 2000, 91)
run("mdel", "-i", img, "::/frag/hole")
put("/frag/split.bin", 9000, 92)
listed += [("/frag/after", 2000, 91), ("/frag/split.bin", 9000, 92)]
# a directory of several clusters: 40 files of a few bytes, f00.txt to f39.txt
run("mmd", "-i", img, "::/many")
many = []
for k in range(40):
    many.append(os.path.join(out, "f%02d.txt" % k))
    with open(many[-1], "w") as f:
        f.write("file %02d\n" % k)
run("mcopy", "-i", img, *many, "::/many/")
for name in many:
    os.remove(name)
with open(os.path.join(out, "good.list"), "w") as f:
    for path, size, seed in listed:
        f.write("%s %d %d\n" % (path, size, seed))

# The volume's geometry, and where a file's entry and chain are.
data = bytearray(open(img, "rb").read())
spc, reserved, fats = data[13], struct.unpack_from("<H", data, 14)[0], data[16]
fat_size, root = struct.unpack_from("<I", data, 36)[0], struct.unpack_from("<I", data, 44)[0]
fat0, data_start = reserved * 512, (reserved + fats * fat_size) * 512
total = struct.unpack_from("<I", data, 32)[0]
clusters = (total - (reserved + fats * fat_size)) // spc
def entry(c): return struct.unpack_from("<I", data, fat0 + 4 * c)[0] & 0x0FFFFFFF
def set_entry(d, c, v):
    for k in range(fats):
        struct.pack_into("<I", d, (reserved + k * fat_size) * 512 + 4 * c, v)
def chain(c):
    out = [c]
    while entry(out[-1]) < 0x0FFFFFF8: out.append(entry(out[-1]))
    return out
def find(path):
    """The byte offset of path's directory entry, and its first cluster."""
    cluster = root
    for name in path.strip("/").split("/"):
        base, _, ext = name.upper().partition(".")
        want = (base.ljust(8) + ext.ljust(3)).encode()
        for c in chain(cluster):
            off = data_start + (c - 2) * spc * 512
            for e in range(off, off + spc * 512, 32):
                if data[e + 11] != 0x0F and data[e:e + 11] == want:
                    at = e
                    cluster = struct.unpack_from("<H", data, e + 20)[0] << 16 | struct.unpack_from("<H", data, e + 26)[0]
                    break
            else:
                continue
            break
    return at, cluster

def move_head(path, n):
    """Moves the first n clusters of path's chain to the lowest free clusters."""
    at, first = find(path)
    old = chain(first)
    free = [c for c in range(2, 2 + 4096) if entry(c) == 0][:n]
    size = spc * 512
    for src, dst in zip(old[:n], free):
        data[data_start + (dst - 2) * size: data_start + (dst - 1) * size] = \
            data[data_start + (src - 2) * size: data_start + (src - 1) * size]
    for k, dst in enumerate(free):
        set_entry(data, dst, free[k + 1] if k + 1 < n else old[n])
    for src in old[:n]:
        set_entry(data, src, 0)
    struct.pack_into("<H", data, at + 20, free[0] >> 16)
    struct.pack_into("<H", data, at + 26, free[0] & 0xFFFF)
    return free[0]
def write(path, d):
    """Writes d to path, leaving its 64 KiB blocks of zeros as holes."""
    with open(path, "wb") as f:
        f.truncate(len(d))
        for off in range(0, len(d), 65536):
            block = d[off:off + 65536]
            if block.count(0) != len(block):
                f.seek(off)
                f.write(block)
move_head("/frag/split.bin", 4)
write(img, data)
split_chain = chain(find("/frag/split.bin")[1])
assert any(b != a + 1 for a, b in zip(split_chain, split_chain[1:])), "split.bin is in one piece"

damaged = []
def damage(name, how, path, phrase, change):
    d = bytearray(data)
    change(d)
    write(os.path.join(out, name + ".img"), d)
    damaged.append((name, how, path, phrase))
split_at, split_first = find("/frag/split.bin")
deep_at, deep_first = find("/a/b/c/deep.dat")
split = chain(split_first)
damage("nosig", "mount", "-", "signature 55 AA", lambda d: d.__setitem__(slice(510, 512), b"\0\0"))
damage("loop", "open", "/frag/split.bin", "loops", lambda d: set_entry(d, split[6], split[2]))
damage("free", "open", "/a/b/c/deep.dat", "is free", lambda d: set_entry(d, chain(deep_first)[2], 0))
damage("short", "open", "/sector1.bin", "a size of",
       lambda d: struct.pack_into("<I", d, find("/sector1.bin")[0] + 28, 5000))
damage("badcluster", "open", "/docs/readme.txt", "not one of the volume",
       lambda d: struct.pack_into("<H", d, find("/docs/readme.txt")[0] + 26, 0xFFF0) or
                 struct.pack_into("<H", d, find("/docs/readme.txt")[0] + 20, 0x0FFF))
damage("bps", "mount", "-", "bytes per sector", lambda d: struct.pack_into("<H", d, 11, 4096))
# the boot sector's fields, each checked before it is used
damage("spc", "mount", "-", "BPB_SecPerClus is 3", lambda d: d.__setitem__(13, 3))
damage("rootentcnt", "mount", "-", "BPB_RootEntCnt is 512", lambda d: struct.pack_into("<H", d, 17, 512))
damage("rootzero", "mount", "-", "BPB_RootClus is 0", lambda d: struct.pack_into("<I", d, 44, 0))
damage("rootfar", "mount", "-", "BPB_RootClus is %d" % (clusters + 2),
       lambda d: struct.pack_into("<I", d, 44, clusters + 2))
# two tables of 2^31 + fat_size sectors: in 32 bits the data region starts where it does
assert fats == 2
damage("fatsize", "mount", "-", "BPB_FATSz32 is sector",
       lambda d: struct.pack_into("<I", d, 36, fat_size + 0x80000000))
# chains that do not end: the root directory's, and a directory's through full clusters
root_chain = chain(root)
damage("rootloop", "mount", "-", "the root directory: the chain from cluster %d does not end" % root,
       lambda d: set_entry(d, root_chain[-1], root))
many_chain = chain(find("/many")[1])
assert len(many_chain) >= 3, "/many fits in %d clusters" % len(many_chain)
damage("dirloop", "open", "/many/f39.txt", "/many/f39.txt: the chain from cluster %d does not end" % many_chain[0],
       lambda d: set_entry(d, many_chain[-2], many_chain[0]))
# a size whose cluster count wraps in 32 bits; a link to the cluster just past the last
damage("hugesize", "open", "/sector1.bin", "a size of 4294967295 bytes needs 8388608",
       lambda d: struct.pack_into("<I", d, find("/sector1.bin")[0] + 28, 0xFFFFFFFF))
damage("pastlast", "open", "/a/b/c/deep.dat", "is %#x, which is not a cluster of the volume" % (clusters + 2),
       lambda d: set_entry(d, chain(deep_first)[1], clusters + 2))
with open(os.path.join(out, "damaged.list"), "w") as f:
    for name, how, path, phrase in damaged:
        f.write("%s %s %s %s\n" % (name, how, path, phrase))

# the reserved top four bits of every entry in use, in both tables, set
top = bytearray(data)
for c in range(clusters + 2):
    for k in range(fats):
        at = (reserved + k * fat_size) * 512 + 4 * c
        value = struct.unpack_from("<I", top, at)[0]
        if value & 0x0FFFFFFF:
            struct.pack_into("<I", top, at, value | 0xF0000000)
write(os.path.join(out, "topbits.img"), top)

fat16 = os.path.join(out, "fat16.img")
if os.path.exists(fat16):
    os.remove(fat16)
with open(fat16, "wb") as f:
    f.truncate(64 << 20)
run("mkfs.fat", "-F", "16", fat16)
with open(os.path.join(out, "damaged.list"), "a") as f:
    f.write("fat16 mount - FAT16\n")
