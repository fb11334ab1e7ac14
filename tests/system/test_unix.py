#!/usr/bin/python3
# Issue 3's remaining user-visible checks, through the shell: a background job shows
# in ps; the ordinary user cannot kill root's process (EPERM); a fork bomb as that
# user stops at EAGAIN and the system keeps working; `edit` writes a file that `cat`
# prints; ^C ends a foreground `sleep 100` and the shell survives.
import re
import time

from harness import check, main
from test_shell import ROOT_PROMPT, boot, run

USER_PROMPT = "$ "


def background_job_in_ps(build):
    node = boot(build, "unix_background_ps")
    try:
        run(node, "sleep 500 &")
        out = run(node, "ps")
        check(out and out[0].split() == ["PID", "PPID", "NODE", "USER", "STAT", "TIME", "CMD"],
              f"ps header: {out[:1]!r}")
        sleepers = [l for l in out if l.rstrip().endswith("sleep 500")]
        check(sleepers, f"ps does not list the background sleep: {out!r}")
        check(all(" node1 " in l and " root " in l for l in sleepers), f"ps columns: {sleepers!r}")
    finally:
        node.stop()


def user_cannot_kill_root(build):
    node = boot(build, "unix_kill_eperm")
    try:
        run(node, "sleep 500 &")
        pid = run(node, "echo $!")[0].strip()
        check(pid.isdigit(), f"no pid from $!: {pid!r}")
        run(node, "su user", prompt=USER_PROMPT)
        out = run(node, f"kill {pid}; echo status=$?", prompt=USER_PROMPT)
        text = " ".join(out)
        check("status=1" in text, f"kill as user did not fail: {out!r}")
        # newlib words EPERM as "Not owner".
        check(re.search(r"not permitted|EPERM|not owner", text, re.I), f"kill as user did not say EPERM: {out!r}")
        run(node, "exit", prompt=ROOT_PROMPT)
        out = run(node, "ps")
        check(any(l.rstrip().endswith("sleep 500") for l in out), "root's sleep died after the refused kill")
    finally:
        node.stop()


def fork_bomb_is_limited(build):
    node = boot(build, "unix_fork_bomb")
    try:
        run(node, "su user", prompt=USER_PROMPT)
        node.send("forkbomb\r")
        node.expect(r"forkbomb: (limited|NOT LIMITED)", timeout=600)
        check(node.child.match.group(1) == "limited", "the fork bomb was not stopped by EAGAIN")
        node.expect_exact(USER_PROMPT, timeout=300)
        out = run(node, "echo still alive", prompt=USER_PROMPT)
        check(out == ["still alive"], f"shell after the fork bomb: {out!r}")
    finally:
        node.stop()


def edit_then_cat(build):
    node = boot(build, "unix_edit_cat")
    try:
        node.send("edit /tmp/notes.txt\r")
        time.sleep(3)  # let the editor draw; not a timing assertion
        node.send("hello from edit")
        node.send("\r")
        node.send("second line")
        node.send("\x13")  # ^S save
        time.sleep(1)
        node.send("\x11")  # ^Q quit
        node.expect_exact(ROOT_PROMPT, timeout=120)
        out = run(node, "cat /tmp/notes.txt")
        check(out == ["hello from edit", "second line"], f"cat after edit printed {out!r}")
    finally:
        node.stop()


def ctrl_c_ends_sleep(build):
    node = boot(build, "unix_ctrl_c")
    try:
        node.send("sleep 100\r")
        time.sleep(2)  # let sleep start; not a timing assertion
        node.send("\x03")
        node.expect_exact(ROOT_PROMPT, timeout=60)
        out = run(node, "echo $?")
        check(out == ["130"], f"status after ^C: {out!r}")
    finally:
        node.stop()


TESTS = {
    "unix_background_ps": background_job_in_ps,
    "unix_kill_eperm": user_cannot_kill_root,
    "unix_fork_bomb": fork_bomb_is_limited,
    "unix_edit_cat": edit_then_cat,
    "unix_ctrl_c": ctrl_c_ends_sleep,
}

if __name__ == "__main__":
    main(TESTS)
