#!/usr/bin/python3
# Turns `nm -n -C --defined-only` output of the kernel into an assembly file for
# the .ksyms section: a sorted table of text symbols that backtraces use for names.
# Layout (all little endian): u64 count; count x {u64 address; u64 name_offset};
# then NUL-terminated names. `--empty` emits a table with no symbols (link pass 1).
import sys


def main():
    symbols = []
    if "--empty" not in sys.argv:
        for line in sys.stdin:
            parts = line.rstrip("\n").split(" ", 2)
            if len(parts) != 3 or parts[1] not in ("T", "t", "W", "w"):
                continue
            name = parts[2]
            # Keep "ns::function" without the parameter list: shorter, still clear.
            paren = name.find("(")
            if paren > 0:
                name = name[:paren]
            symbols.append((int(parts[0], 16), name))
    symbols.sort()
    out = ['\t.section .ksyms, "a"', "\t.balign 8", "\t.quad %d" % len(symbols)]
    offset = 0
    for address, name in symbols:
        out.append("\t.quad 0x%x, %d" % (address, offset))
        offset += len(name.encode()) + 1
    for _, name in symbols:
        escaped = name.replace("\\", "\\\\").replace('"', '\\"')
        out.append('\t.asciz "%s"' % escaped)
    out.append('\t.section .note.GNU-stack, "", @progbits')
    print("\n".join(out))


if __name__ == "__main__":
    main()
