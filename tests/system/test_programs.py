#!/usr/bin/python3
# The utilities of userland/bin, each booted as the first process (`init=/bin/NAME`)
# on one node, with its output read back from the serial console. Only programs
# that need no arguments can run this way until the shell can fork and exec; their
# output is checked for content, never for timing.
# Run alone: tests/system/test_programs.py --build build [NAME...]
import re

from harness import Node, check, main

# A kernel log line: "[    0.119220] info: ..."
KERNEL_LOG = re.compile(r"^\[\s*\d+\.\d+\]")


def program_output(build, test_name, program):
    """Boots with init=/bin/PROGRAM, waits for it to exit and returns (pid,
    exit status, the lines it printed without the kernel's log lines). The
    program may run, and print, before the kernel logs that it started, so its
    output is everything after boot completes."""
    with Node(build, test_name, cmdline=f"init=/bin/{program} panic=exit") as node:
        node.expect(r"the first process \(pid (\d+)\) exited with status (0x[0-9a-fA-F]+)\r*\n",
                    what=f"/bin/{program} exiting")
        pid = int(node.child.match.group(1))
        status = int(node.child.match.group(2), 16)
        text = node.transcript()
    start = text.find("unum: boot complete")
    end = text.find("the first process (pid", start)
    lines = text[start:end].split("\n")[1:]
    lines = [line.rstrip() for line in lines if line.strip() and not KERNEL_LOG.match(line)]
    return pid, status, lines


def ls_lists_root(build):
    _, status, lines = program_output(build, "ls_lists_root", "ls")
    names = " ".join(lines).split()
    for wanted in ("bin", "dev", "etc"):
        check(wanted in names, f"ls of / does not show {wanted}: {lines!r}")
    check(names == sorted(names), f"ls output is not sorted: {names!r}")
    check(status == 0, f"ls exited with status 0x{status:x}")


def uname_prints_unum(build):
    _, status, lines = program_output(build, "uname_prints_unum", "uname")
    check(lines == ["Unum"], f"uname printed {lines!r}, expected ['Unum']")
    check(status == 0, f"uname exited with status 0x{status:x}")


def hostname_prints_node(build):
    _, status, lines = program_output(build, "hostname_prints_node", "hostname")
    check(lines == ["node1"], f"hostname printed {lines!r}, expected ['node1']")
    check(status == 0, f"hostname exited with status 0x{status:x}")


def pwd_prints_root(build):
    _, status, lines = program_output(build, "pwd_prints_root", "pwd")
    check(lines == ["/"], f"pwd printed {lines!r}, expected ['/']")
    check(status == 0, f"pwd exited with status 0x{status:x}")


def id_prints_root(build):
    _, status, lines = program_output(build, "id_prints_root", "id")
    check(lines and lines[0].startswith("uid=0(root) gid=0(root)"),
          f"id printed {lines!r}, expected uid=0(root) gid=0(root) ...")
    check(status == 0, f"id exited with status 0x{status:x}")


def ps_prints_header(build):
    pid, status, lines = program_output(build, "ps_prints_header", "ps")
    check(lines and lines[0] == "PID PPID NODE USER STAT TIME CMD",
          f"ps's first line is not the documented header: {lines[:1]!r}")
    # Until procfs lists processes there are no rows; once it does, ps must see
    # itself, running, as root, on this node.
    rows = [line.split() for line in lines[1:]]
    if rows:
        mine = [row for row in rows if row[0] == str(pid)]
        check(mine, f"ps does not list itself (pid {pid}): {lines!r}")
        check(mine[0][2] == "node1" and mine[0][3] == "root" and "ps" in " ".join(mine[0][6:]),
              f"ps's own row is {mine[0]!r}, expected node1, root and ps")
    check(status == 0, f"ps exited with status 0x{status:x}")


def ticker_ticks(build):
    with Node(build, "ticker_ticks", cmdline="init=/bin/ticker panic=exit") as node:
        # The ticker may print before the kernel logs that it started, so its
        # PID comes from its own first line, matched up to the line end (a
        # partly arrived line would give a cut PID).
        node.expect(r"tick 1 pid (\d+) on node1\r*\n", what="tick 1 pid N on node1")
        pid = node.child.match.group(1)
        node.expect(rf"tick 2 pid {pid} on node1\r*\n", what=f"tick 2 pid {pid} on node1")
        check(f"init: started /bin/ticker as pid {pid}" in node.transcript(),
              f"the kernel did not log starting the ticker as pid {pid}")


TESTS = {
    "ls_lists_root": ls_lists_root,
    "uname_prints_unum": uname_prints_unum,
    "hostname_prints_node": hostname_prints_node,
    "pwd_prints_root": pwd_prints_root,
    "id_prints_root": id_prints_root,
    "ps_prints_header": ps_prints_header,
    "ticker_ticks": ticker_ticks,
}

if __name__ == "__main__":
    main(TESTS)
