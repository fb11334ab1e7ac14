#!/usr/bin/python3
# A real PC's console: keys typed on the PS/2 keyboard (QEMU's `sendkey`) reach the
# same shell as the serial line, so a command typed on the keyboard runs and its
# output appears on the console.
import socket
import time
import tty

from harness import Node, main
from test_shell import ROOT_PROMPT

KEYS = ["e", "c", "h", "o", "spc", "shift-k", "e", "y", "s", "ret"]


def send_keys(monitor_path, keys):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as monitor:
        monitor.connect(str(monitor_path))
        monitor.settimeout(10)
        for key in keys:
            monitor.sendall(f"sendkey {key}\n".encode())
            time.sleep(0.2)  # pacing for the emulated keyboard; not a timing assertion


def keyboard_reaches_the_shell(build):
    monitor_path = build / "test-logs" / "keyboard.mon"
    monitor_path.parent.mkdir(parents=True, exist_ok=True)
    if monitor_path.exists():
        monitor_path.unlink()
    # The harness Node, plus an HMP monitor socket for sendkey.
    node = Node(build, "keyboard_shell", cmdline="init=/bin/init panic=exit",
                extra_args=["-monitor", f"unix:{monitor_path},server=on,wait=off"])
    node.start()
    try:
        tty.setraw(node.child.child_fd)
        node.expect_exact(ROOT_PROMPT)
        send_keys(monitor_path, KEYS)
        node.expect(r"echo Keys\r*\n", what="the keyboard's command echoed on the console")
        node.expect(r"^Keys\r*\n", what="the command's output")
        node.expect_exact(ROOT_PROMPT)
    finally:
        node.stop()


TESTS = {"keyboard_reaches_the_shell": keyboard_reaches_the_shell}

if __name__ == "__main__":
    main(TESTS)
