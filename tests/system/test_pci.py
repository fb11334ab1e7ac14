#!/usr/bin/python3
# PCI configuration access (docs/pci.md): on q35, whose firmware publishes an ACPI
# MCFG, the kernel uses ECAM, says so in the boot log and in /proc/pci, and the
# e1000 still enumerates, passes its self-test and gets its interrupt (QEMU's ICH9
# also drives the PIRQ's routed ISA IRQ into the IOAPIC, so the Interrupt Line
# works without ACPI _PRT; see docs/net-drivers.md); on the default i440fx machine
# (no MCFG) it uses ports 0xCF8/0xCFC and says that instead.
# Run alone: tests/system/test_pci.py --build build NAME
import re
import tty

from harness import Node, check, main, run_selftest, strip_ansi

NIC = ("-netdev", "user,id=n0,restrict=on", "-device", "e1000,netdev=n0")
Q35 = ("-machine", "q35")
ROOT_PROMPT = "node1:/# "
ECAM_LOG = r"pci: configuration via ECAM at 0x[0-9a-f]+ buses 0-255"
PORTS_LOG = "pci: configuration via ports 0xcf8/0xcfc"


def proc_pci(build, name, extra_args):
    """Boots to the shell; returns (boot log, /proc/pci text, log path)."""
    node = Node(build, name, cmdline="init=/bin/init panic=exit nocluster", extra_args=extra_args)
    node.start()
    try:
        tty.setraw(node.child.child_fd)
        node.expect_exact(ROOT_PROMPT)
        node.send("cat /proc/pci\r")
        node.expect_exact(ROOT_PROMPT)
        return node.transcript(), strip_ansi(node.child.before).replace("\r", ""), node.log_path
    finally:
        node.stop()


def ecam_selftest_q35(build):
    with Node(build, "pci_ecam_selftest_q35", cmdline="selftest panic=exit", extra_args=Q35 + NIC) as node:
        run_selftest(node)
        text = node.transcript()
        check(re.search(ECAM_LOG, text), f"no `{ECAM_LOG}` line in the boot log ({node.log_path})")
        check("using the ports" not in text, f"the ECAM sanity check failed ({node.log_path})")
        check(re.search(r"e1000: eth0 [0-9a-f:]+ at 00:\w\w\.0 \(82540EM\) irq \d+, link up", text),
              f"the e1000 did not come up over ECAM ({node.log_path})")
        check(re.search(r"^ok \d+ - e1000: ", text, re.M), f"the e1000 self-test did not run ({node.log_path})")
        check("polling every" not in text,
              f"the e1000 fell back to polling on q35: its INTx did not arrive ({node.log_path})")
        check(re.search(r"^ok \d+ - pci: configuration", text, re.M),
              f"the PCI configuration self-test did not run ({node.log_path})")


def proc_pci_q35(build):
    text, out, log = proc_pci(build, "pci_proc_q35", Q35 + NIC)
    check(re.search(ECAM_LOG, text), f"no `{ECAM_LOG}` line in the boot log ({log})")
    check(re.search(r"^# config: ecam 0x[0-9a-f]+ buses 0-255$", out, re.M),
          f"/proc/pci does not name ECAM: {out!r}")
    check(re.search(r"^00:00\.0 8086:29c0 class 06\.00\.00", out, re.M), f"/proc/pci lacks the q35 host bridge: {out!r}")
    check(re.search(r"^00:\w\w\.0 8086:100e class 02\.00\.00 irq \d+ bar0 mem", out, re.M),
          f"/proc/pci lacks the e1000: {out!r}")


def proc_pci_ports_i440fx(build):
    text, out, log = proc_pci(build, "pci_proc_ports_i440fx", NIC)
    check(PORTS_LOG in text, f"no `{PORTS_LOG}` line in the boot log ({log})")
    check(re.search(r"^# config: ports 0xcf8/0xcfc$", out, re.M), f"/proc/pci does not name the ports: {out!r}")
    check(re.search(r"^00:00\.0 8086:1237 class 06\.00\.00", out, re.M), f"/proc/pci lacks the host bridge: {out!r}")
    check(re.search(r"^00:\w\w\.0 8086:100e class 02\.00\.00 irq \d+ bar0 mem 0x[0-9a-f]+ size 0x20000", out, re.M),
          f"/proc/pci lacks the e1000: {out!r}")


TESTS = {
    "pci_ecam_selftest_q35": ecam_selftest_q35,
    "pci_proc_q35": proc_pci_q35,
    "pci_proc_ports_i440fx": proc_pci_ports_i440fx,
}

if __name__ == "__main__":
    main(TESTS)
