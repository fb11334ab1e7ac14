#!/usr/bin/python3
# Issue 2 debug monitor: a plain boot ends in `monitor> ` on the serial console, and each
# command answers with content a broken implementation would get wrong (free memory
# figures, the idle thread, CPU features, the boot log, a running clock).
import re

from harness import Node, check, main

PROMPT = "monitor> "


def command(node, line):
    """Types line at the monitor and returns what it printed before the next prompt."""
    node.send(line + "\r")
    node.expect_exact(PROMPT)
    out = node.child.before.replace("\r", "")
    # Drop the echo of what we typed.
    return out.split(line, 1)[1] if line in out else out


def monitor_commands(build):
    with Node(build, "monitor_commands", cmdline="init=none") as node:
        node.expect_exact("unum: boot complete")
        node.expect_exact(PROMPT)

        out = command(node, "help")
        for name in ["help", "mem", "threads", "cpu", "log", "uptime", "reboot"]:
            check(re.search(rf"\b{name}\b", out), f"`help` does not list {name}: {out!r}")

        out = command(node, "mem")
        check(re.search(r"\d+\D{0,20}free|free\D{0,40}\d+", out, re.I),
              f"`mem` shows no free-memory figure: {out!r}")
        numbers = [int(n) for n in re.findall(r"\d+", out)]
        check(any(n > 0 for n in numbers), f"`mem` shows only zeros: {out!r}")

        out = command(node, "threads")
        check(re.search(r"idle", out, re.I), f"`threads` does not list the idle thread: {out!r}")

        out = command(node, "cpu")
        check(re.search(r"\bsse2\b", out), f"`cpu` does not list the sse2 feature: {out!r}")

        out = command(node, "log")
        lines = [l for l in out.split("\n") if l.strip()]
        check(len(lines) >= 3, f"`log` shows fewer than 3 lines of the boot log: {out!r}")

        out = command(node, "uptime")
        check(re.search(r"\d", out), f"`uptime` prints no number: {out!r}")

        out = command(node, "no-such-command")
        check(out.strip(), "an unknown command is silently ignored")


TESTS = {"monitor_commands": monitor_commands}

if __name__ == "__main__":
    main(TESTS)
