#!/usr/bin/env python3
"""Writes Unum's initrd: a cpio "newc" archive (the format the kernel's fs/ initrd
reader parses). Entries come from a manifest (userland/initrd.txt) plus every file
of --bin-dir as /bin/<name>; or, with --tree DIR, every directory and file under DIR
(the netboot tree: build/netboot.cpio). Output is deterministic: mtime 0, inodes in
order, owner root."""
import argparse
import os
import sys

MODE_DIR = 0o040000
MODE_FILE = 0o100000


def header(ino, mode, uid, gid, nlink, size, name):
    fields = [ino, mode, uid, gid, nlink, 0, size, 0, 0, 0, 0, len(name) + 1, 0]
    return b"070701" + b"".join(b"%08X" % f for f in fields)


def pad4(n):
    return b"\0" * (-n % 4)


def entry(ino, mode, uid, gid, nlink, name, data=b""):
    """One record: header, NUL-terminated name padded so data starts 4-aligned,
    then data padded to 4 (the padding counts from the start of the record)."""
    head = header(ino, mode, uid, gid, nlink, len(data), name) + name.encode() + b"\0"
    return head + pad4(len(head)) + data + pad4(len(data))


def parse_manifest(path):
    entries = []
    with open(path) as f:
        for number, line in enumerate(f, 1):
            words = line.split("#", 1)[0].split()
            if not words:
                continue
            kind = words[0]
            if kind not in ("dir", "file") or len(words) != (5 if kind == "dir" else 6):
                sys.exit(f"{path}:{number}: expected 'dir PATH MODE UID GID' or 'file PATH MODE UID GID SOURCE'")
            entries.append((kind, words[1], int(words[2], 8), int(words[3]), int(words[4]),
                            words[5] if kind == "file" else None))
    return entries


def tree_entries(root):
    """Every directory and regular file under root, parents first, in sorted order;
    permissions come from the file (0755 or 0644 after the owner's x bit)."""
    entries = []
    for directory, subdirs, files in os.walk(root, followlinks=True):
        subdirs.sort()
        relative = os.path.relpath(directory, root)
        if relative != ".":
            entries.append(("dir", "/" + relative.replace(os.sep, "/"), 0o755, 0, 0, None))
        for name in sorted(files):
            source = os.path.join(directory, name)
            if not os.path.isfile(source):
                continue
            mode = 0o755 if os.stat(source).st_mode & 0o100 else 0o644
            path = os.path.normpath(os.path.join(relative, name)).replace(os.sep, "/")
            entries.append(("file", "/" + path, mode, 0, 0, source))
    return entries


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument("--manifest")
    parser.add_argument("--bin-dir", help="every file here becomes /bin/<name>, mode 0755")
    parser.add_argument("--tree", help="archive every directory and file under this directory "
                                       "(names relative to it; symlinks are followed)")
    args = parser.parse_args()
    if not args.manifest and not args.tree:
        parser.error("give --manifest or --tree")

    entries = parse_manifest(args.manifest) if args.manifest else []
    if args.tree:
        entries += tree_entries(args.tree)
    if args.bin_dir:
        for name in sorted(os.listdir(args.bin_dir)):
            source = os.path.join(args.bin_dir, name)
            if os.path.isfile(source):
                entries.append(("file", "/bin/" + name, 0o755, 0, 0, source))

    out = bytearray()
    seen = set()
    for ino, (kind, path, mode, uid, gid, source) in enumerate(entries, 1):
        name = path.strip("/")
        if not name or name in seen:
            sys.exit(f"mkinitrd: bad or duplicate path {path}")
        parent = os.path.dirname(name)
        if parent and parent not in seen:
            sys.exit(f"mkinitrd: {path} comes before its directory /{parent}")
        seen.add(name)
        if kind == "dir":
            out += entry(ino, MODE_DIR | mode, uid, gid, 2, name)
        else:
            with open(source, "rb") as f:
                out += entry(ino, MODE_FILE | mode, uid, gid, 1, name, f.read())
    out += entry(0, 0, 0, 0, 1, "TRAILER!!!")
    tmp = args.output + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, args.output)


if __name__ == "__main__":
    main()
