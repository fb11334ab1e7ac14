#!/usr/bin/python3
# The shell of DESIGN §4 on the console: init runs /etc/rc, then a login shell whose
# prompt is `node1:<cwd># `. Checks commands, quoting, $? and $VAR, pipes, redirection
# round trips, cd, a sub-shell's exit status, init's respawn, background jobs, the
# report of a signal death, ^Z/fg, and line editing (^C, arrows, history, ^U).
# Run alone: tests/system/test_shell.py --build build NAME
import re
import tty

from harness import Node, check, main, strip_ansi

ROOT_PROMPT = "node1:/# "


def boot(build, name):
    node = Node(build, name, cmdline="init=/bin/init panic=exit")
    node.start()
    # Raw pty: ^C and ^Z must reach the guest as bytes, not signal QEMU.
    tty.setraw(node.child.child_fd)
    node.expect_exact(ROOT_PROMPT)
    return node


def run(node, line, prompt=ROOT_PROMPT, keys=None):
    """Types line (or raw keys) and Enter, waits for the next prompt, and returns
    the output lines between them (the echo of the command line dropped)."""
    node.send((keys if keys is not None else line) + "\r")
    node.expect_exact(prompt)
    text = strip_ansi(node.child.before).replace("\r", "")
    lines = text.split("\n")
    return [l for l in lines[1:] if l.strip()]


def shell_commands(build):
    node = boot(build, "shell_commands")
    try:
        out = run(node, "echo hello")
        check(out == ["hello"], f"`echo hello` printed {out!r}")

        out = run(node, "echo 'single  $HOME' \"double $HOME\" back\\ slash")
        check(out == ["single  $HOME double / back slash"], f"quoting: {out!r}")

        out = run(node, "X=unum; export Y=exported; echo $X ${Y}!")
        check(out == ["unum exported!"], f"variables: {out!r}")
        out = run(node, "sh -c 'echo child sees $Y and [$X]'")
        check(out == ["child sees exported and []"], f"export to a child: {out!r}")

        out = run(node, "false; echo $?")
        check(out == ["1"], f"`false; echo $?` printed {out!r}")
        out = run(node, "true; echo $?")
        check(out == ["0"], f"`true; echo $?` printed {out!r}")
        out = run(node, "false && echo no; false || echo yes")
        check(out == ["yes"], f"&& and ||: {out!r}")

        out = run(node, "no-such-command; echo $?")
        check(len(out) == 2 and "not found" in out[0] and out[1] == "127",
              f"unknown command: {out!r}")

        out = run(node, "echo a | cat")
        check(out == ["a"], f"`echo a | cat` printed {out!r}")
        out = run(node, "echo three stages | cat | cat")
        check(out == ["three stages"], f"three-stage pipeline printed {out!r}")

        out = run(node, "echo data > /tmp/f")
        check(out == [], f"redirected echo still printed {out!r}")
        out = run(node, "cat < /tmp/f")
        check(out == ["data"], f"`cat < /tmp/f` printed {out!r}")
        run(node, "echo more >> /tmp/f")
        out = run(node, "cat < /tmp/f")
        check(out == ["data", "more"], f"after >>, the file holds {out!r}")
        out = run(node, "cat /no/such/file 2> /tmp/err; echo status $?")
        check(len(out) == 1 and re.fullmatch(r"status [1-9]\d*", out[0]),
              f"2> did not take stderr away: {out!r}")
        out = run(node, "cat < /tmp/err")
        check(out and "/no/such/file" in out[0], f"stderr did not reach /tmp/err: {out!r}")

        out = run(node, "cd /tmp", prompt="node1:/tmp# ")
        check(out == [], f"cd printed {out!r}")
        out = run(node, "pwd", prompt="node1:/tmp# ")
        check(out == ["/tmp"], f"pwd after cd /tmp printed {out!r}")
        out = run(node, "cd")  # $HOME is / for root
        check(out == [], f"cd to $HOME printed {out!r}")
    finally:
        node.stop()


def shell_exit_and_respawn(build):
    node = boot(build, "shell_exit_and_respawn")
    try:
        run(node, "sh")  # a sub-shell with the same prompt
        run(node, "exit 3")
        out = run(node, "echo $?")
        check(out == ["3"], f"the sub-shell's `exit 3` gave $? {out!r}")
        # The login shell exits: init starts a new one.
        run(node, "exit")
        out = run(node, "echo respawned")
        check(out == ["respawned"], f"after the login shell exited: {out!r}")
    finally:
        node.stop()


def shell_jobs(build):
    node = boot(build, "shell_jobs")
    try:
        out = run(node, "sleep 1000 &")
        check(len(out) == 1 and re.fullmatch(r"\[1\] \d+", out[0]), f"`sleep 1000 &` printed {out!r}")
        out = run(node, "jobs")
        check(len(out) == 1 and re.match(r"\[1\]\+\s+Running\s+sleep 1000 &", out[0]), f"`jobs` printed {out!r}")
        out = run(node, "kill %1; wait %1; echo waited $?")
        check(out == ["waited 143"], f"kill %1 then wait: {out!r}")  # 128 + SIGTERM
        out = run(node, "jobs")
        check(out == [], f"`jobs` after the job ended: {out!r}")
        out = run(node, "true & wait; echo all $?")
        check(out and out[-1] == "all 0", f"`wait` for every job: {out!r}")

        out = run(node, "sh -c 'kill -9 $$'; echo status $?")
        check(out == ["Killed", "status 137"], f"a child killed by SIGKILL: {out!r}")
        out = run(node, "sh -c 'kill -SEGV $$'")
        check(out == ["Segmentation fault"], f"a child killed by SIGSEGV: {out!r}")

        # ^Z stops the foreground job; fg continues it (cat still echoes input).
        node.send("cat\r")
        node.expect(r"cat\r*\n", what="the echo of `cat`")
        node.send("\x1a")
        node.expect(r"\[1\]\+\s+Stopped\s+cat", what="[1]+ Stopped cat")
        node.expect_exact(ROOT_PROMPT)
        node.send("fg\r")
        node.expect(r"\ncat\r*\n", what="fg naming the job")
        node.send("still here\r")
        # The terminal's echo, then cat's copy.
        node.expect(r"still here\r*\nstill here", what="cat echoing after fg")
        node.send("\x04")
        node.expect_exact(ROOT_PROMPT)
        out = run(node, "jobs")
        check(out == [], f"jobs left after fg and ^D: {out!r}")
    finally:
        node.stop()


def shell_line_editing(build):
    node = boot(build, "shell_line_editing")
    try:
        # ^C abandons the line: nothing of it runs, a new prompt comes.
        node.send("echo abandoned")
        node.send("\x03")
        node.expect_exact(ROOT_PROMPT)
        lines = strip_ansi(node.child.before).replace("\r", "").split("\n")
        check("abandoned" not in [l.strip() for l in lines], f"the line abandoned with ^C ran: {lines!r}")
        out = run(node, "echo next")
        check(out == ["next"], f"after ^C: {out!r}")

        # Left arrow, then insert in the middle.
        out = run(node, None, keys="echo ac\x1b[Db")
        check(out and out[-1] == "abc", f"insert after left arrow gave {out!r}")
        # Home / End and ^A / ^E.
        out = run(node, None, keys="cho x\x01e\x05y")
        check(out and out[-1] == "xy", f"^A/^E editing gave {out!r}")
        # Backspace and ^W.
        out = run(node, None, keys="echo one two\x17three\x7f\x7fee")
        check(out and out[-1] == "one three", f"^W and backspace gave {out!r}")
        # ^U kills to the start of the line.
        out = run(node, None, keys="garbage\x15echo clean")
        check(out and out[-1] == "clean", f"^U gave {out!r}")

        # History: up recalls the previous line, up twice the one before.
        run(node, "echo first")
        run(node, "echo second")
        out = run(node, None, keys="\x1b[A\x1b[A")
        check(out and out[-1] == "first", f"up, up, Enter ran {out!r}")
        # History is now first, second, first: up, up, down lands on the last one.
        out = run(node, None, keys="\x1b[A\x1b[A\x1b[B")
        check(out and out[-1] == "first", f"up, up, down, Enter ran {out!r}")
    finally:
        node.stop()


TESTS = {
    "shell_commands": shell_commands,
    "shell_exit_and_respawn": shell_exit_and_respawn,
    "shell_jobs": shell_jobs,
    "shell_line_editing": shell_line_editing,
}

if __name__ == "__main__":
    main(TESTS)
