#!/usr/bin/python3
# poweroff and reboot: as root, `poweroff` runs the kernel's shutdown hooks and
# turns the machine off through ACPI S5, so QEMU exits by itself with status 0, on
# both the i440fx (PIIX4 PM) and q35 (ICH9) machines; `reboot` resets it (QEMU runs
# with -no-reboot, so a reset also ends it), on q35 through the ACPI reset
# register; without ACPI, poweroff says it failed and halts; an ordinary user gets
# EPERM from both and the node keeps running; a cluster node powered off leaves the
# view cleanly through its shutdown hook.
# Run alone: tests/system/test_power.py --build build NAME
import time
import tty

from harness import Cluster, Node, alive, check, main, strip_ansi
from test_network import Shell, wait_until_up
from test_shell import ROOT_PROMPT, run

USER_PROMPT = "$ "
# QEMU must be gone this long after the command: the hooks, the S5 write and
# QEMU's own shutdown, with a machine that may be running two of us.
EXIT_TIMEOUT = 60


def boot(build, name, machine=None):
    extra = ["-machine", machine] if machine else []
    node = Node(build, name, cmdline="init=/bin/init panic=exit", extra_args=extra)
    node.start()
    # Raw pty, as test_shell.boot does: the console sees the bytes we type.
    tty.setraw(node.child.child_fd)
    node.expect_exact(ROOT_PROMPT)
    return node


def expect_exit(node, command, kind):
    """Types command as root and checks that QEMU then exits by itself with status 0,
    the log saying `shutdown: <kind>` and no failure."""
    node.send(command + "\r")
    status = node.wait_exit(EXIT_TIMEOUT)
    text = node.transcript()
    check(f"shutdown: {kind}" in text, f"the log does not say `shutdown: {kind}` (see {node.log_path})")
    check("power off failed" not in text, f"the kernel reported the power off failed (see {node.log_path})")
    check(status == 0, f"QEMU exit status {status} after `{command}`, expected 0 (see {node.log_path})")
    return text


def power_off(build, machine=None, name="power_off"):
    node = boot(build, name, machine)
    try:
        text = expect_exit(node, "poweroff", "power off")
        check("acpi: power off through PM1a_CNT" in text,
              f"no S5 power control was found in ACPI (see {node.log_path})")
    finally:
        node.stop()


def power_off_q35(build):
    power_off(build, "q35", "power_off_q35")


def power_off_without_acpi_halts(build):
    # No ACPI tables, so no S5: the kernel must say so and halt, not crash or return.
    node = boot(build, "power_off_no_acpi", "pc,acpi=off")
    try:
        node.send("poweroff\r")
        node.expect_exact("shutdown: power off", timeout=EXIT_TIMEOUT)
        node.expect_exact("power off failed; it is now safe to turn off the machine", timeout=EXIT_TIMEOUT)
        check(node.child.isalive(), "QEMU exited although there was no ACPI to power off with")
        check("panic" not in node.transcript().lower(), f"the kernel panicked (see {node.log_path})")
    finally:
        node.stop()


def reboot_resets(build):
    node = boot(build, "power_reboot")
    try:
        expect_exit(node, "reboot", "reboot")
    finally:
        node.stop()


def reboot_q35_uses_reset_register(build):
    # q35's FADT has a reset register (0xCF9); i440fx's has none and uses the
    # keyboard controller.
    node = boot(build, "power_reboot_q35", "q35")
    try:
        text = expect_exit(node, "reboot", "reboot")
        check("power: reset through the ACPI reset register" in text,
              f"reboot did not use the ACPI reset register (see {node.log_path})")
        check("did not reset the machine" not in text, f"the ACPI reset register did not work (see {node.log_path})")
    finally:
        node.stop()


def user_gets_eperm(build):
    node = boot(build, "power_user_eperm")
    try:
        run(node, "su user", prompt=USER_PROMPT)
        for program in ("poweroff", "reboot"):
            out = run(node, f"{program}; echo status=$?", prompt=USER_PROMPT)
            check(out == [f"{program}: Operation not permitted", "status=1"],
                  f"`{program}` as user printed {out!r}")
        run(node, "exit", prompt=ROOT_PROMPT)
        out = run(node, "echo still running")
        check(out == ["still running"], f"the node after the refused poweroff: {out!r}")
        check("shutdown:" not in node.transcript(), "a refused poweroff still began the shutdown")
    finally:
        node.stop()


def power_off_leaves_cluster(build):
    # The cluster's shutdown hook runs before S5: node 1 logs node 2 as having left,
    # not as dead after the failure detector's silence.
    with Cluster(build, "power_cluster_leave", nodes=2) as cluster:
        for i in (1, 2):
            wait_until_up(cluster, i)
        cluster.wait_for_log(2, "cluster: node2 joined", timeout=240)
        pid = cluster.pid(2)
        shell = Shell(cluster, 2)
        shell.start("poweroff")
        deadline = time.monotonic() + EXIT_TIMEOUT
        while alive(pid) and time.monotonic() < deadline:
            time.sleep(0.5)
        shell.close()
        check(not alive(pid), f"node 2's QEMU still runs {EXIT_TIMEOUT}s after poweroff")
        log = strip_ansi((cluster.dir / "node2.log").read_text(errors="replace"))
        for line in ("shutdown: power off", "shutdown: running hook cluster leave"):
            check(line in log, f"node 2's log lacks {line!r}")
        check("power off failed" not in log, "node 2 reported the power off failed")
        cluster.wait_for_log(1, "cluster: node2 removed (left)", timeout=60)


TESTS = {
    "power_off": power_off,
    "power_off_q35": power_off_q35,
    "power_off_no_acpi": power_off_without_acpi_halts,
    "power_reboot": reboot_resets,
    "power_reboot_q35": reboot_q35_uses_reset_register,
    "power_user_eperm": user_gets_eperm,
    "power_off_leaves_cluster": power_off_leaves_cluster,
}

if __name__ == "__main__":
    main(TESTS)
