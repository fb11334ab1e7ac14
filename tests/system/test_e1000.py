#!/usr/bin/python3
# Issue 4 (parts 1-2): the e1000 driver on QEMU's `-device e1000` with user networking
# (restrict=on: nothing leaves the machine; slirp still answers ARP for its gateway
# 10.0.2.2). The self-tests pass with the NIC present (eth0 registered, link up, ARP
# answered); two NICs sharing one INTx line both work; the boot log names eth0 with
# QEMU's MAC and its IRQ; the monitor's `netdev` shows the device and its counters.
# (/proc/pci's e1000 line is checked by test_pci.py.)
# Run alone: tests/system/test_e1000.py --build build NAME
import re

from harness import Node, check, main, run_selftest

NIC = ("-netdev", "user,id=n0,restrict=on", "-device", "e1000,netdev=n0")
MAC = "52:54:00:12:34:56"
MONITOR_PROMPT = "monitor> "


def selftest_with_e1000(firmware):
    def test(build):
        name = f"e1000_selftest_{firmware}"
        with Node(build, name, firmware=firmware, cmdline="selftest panic=exit", extra_args=NIC) as node:
            run_selftest(node)
            text = node.transcript()
            check(re.search(rf"e1000: eth0 {MAC} at 00:\w\w\.0 \(82540EM\) irq \d+, link up", text),
                  f"no `e1000: eth0 {MAC} ... irq N, link up` line in the boot log ({node.log_path})")
            check(re.search(r"^ok \d+ - e1000: ", text, re.M), "the e1000 self-test did not run")
            check("no 8254x on the PCI bus" not in text, "the e1000 self-test skipped with a NIC present")
            check("polling every" not in text,
                  f"the driver fell back to polling: its interrupt did not arrive ({node.log_path})")
    return test


def two_nics_share_a_line(build):
    # PIIX routes slot 3 and slot 7 INTA through the same PIRQ: both NICs on one line.
    nics = ("-netdev", "user,id=n0,restrict=on", "-device", "e1000,netdev=n0,addr=3",
            "-netdev", "user,id=n1,restrict=on", "-device", "e1000,netdev=n1,addr=7,mac=52:54:00:12:34:57")
    with Node(build, "e1000_two_nics_shared_irq", cmdline="selftest panic=exit", extra_args=nics) as node:
        run_selftest(node)
        text = node.transcript()
        lines = {m.group(1): m.group(2) for m in
                 re.finditer(r"e1000: (eth\d) [0-9a-f:]+ at \S+ \(82540EM\) irq (\d+), link up", text)}
        check(set(lines) == {"eth0", "eth1"}, f"expected eth0 and eth1 up, boot log names {lines} ({node.log_path})")
        check(lines["eth0"] == lines["eth1"], f"the NICs did not share a line: {lines}")
        for eth in ("eth0", "eth1"):
            check(re.search(rf"# {eth}: tx \d+ rx \d+ rx_errors \d+, gateway answered", text),
                  f"{eth} did not get its ARP reply ({node.log_path})")
        check("polling every" not in text, f"a driver fell back to polling on the shared line ({node.log_path})")


def monitor_netdev(build):
    with Node(build, "e1000_monitor_netdev", cmdline="init=none", extra_args=NIC) as node:
        node.expect_exact("unum: boot complete")
        node.expect_exact(MONITOR_PROMPT)
        node.send("netdev\r")
        node.expect_exact(MONITOR_PROMPT)
        out = node.child.before.replace("\r", "")
        check(re.search(rf"eth0\s+{MAC}\s+link up", out), f"`netdev` does not show eth0 up: {out!r}")
        check(re.search(r"rx \d+ packets \d+ bytes \d+ errors \d+ dropped", out), f"`netdev` shows no rx counters: {out!r}")
        check(re.search(r"tx \d+ packets", out), f"`netdev` shows no tx counters: {out!r}")


def selftest_without_nic(build):
    # The e1000 self-test must pass (skip) on a machine without the NIC.
    with Node(build, "e1000_selftest_no_nic", cmdline="selftest panic=exit") as node:
        run_selftest(node)
        check("no 8254x on the PCI bus: skipped" in node.transcript(), "the e1000 self-test did not report its skip")


TESTS = {
    "e1000_selftest_bios": selftest_with_e1000("bios"),
    "e1000_selftest_uefi": selftest_with_e1000("uefi"),
    "e1000_two_nics_shared_irq": two_nics_share_a_line,
    "e1000_monitor_netdev": monitor_netdev,
    "e1000_selftest_no_nic": selftest_without_nic,
}

if __name__ == "__main__":
    main(TESTS)
