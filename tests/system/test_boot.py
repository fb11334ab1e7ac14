#!/usr/bin/python3
# Issue 2 boot tests: the ISO boots and passes its in-kernel self-tests under SeaBIOS and
# OVMF, from CD and as a USB stick, and on `-cpu max` (XSAVE/AVX state); the kernel's
# first serial line is its banner. Run alone: tests/system/test_boot.py --build build NAME
import re

from harness import Node, check, main, run_selftest

SELFTEST = "selftest panic=exit"


def selftest_on(name, firmware, media, cpu=None):
    def test(build):
        with Node(build, name, firmware=firmware, media=media, cmdline=SELFTEST, cpu=cpu) as node:
            run_selftest(node)
            if firmware == "uefi":
                # OVMF names the device it boots on the serial console: make sure the
                # image booted from the medium under test, not from some fallback.
                device = {"cd": "DVD-ROM", "usb": "USB"}[media]
                check(re.search(rf"BdsDxe: (loading|starting) .*{device}", node.transcript()),
                      f"OVMF did not report booting from the {device} ({node.log_path})")
    return test


def banner_is_first_line(build):
    # SeaBIOS and GRUB (as configured) print nothing on COM1, so every line here is the kernel's.
    with Node(build, "banner_is_first_line") as node:
        node.expect(r"Unum [^\r\n]*\r*\n", what="a line beginning `Unum `")
        lines = [line for line in node.transcript().split("\n") if line.strip()]
        check(lines, "nothing on the serial console")
        check(lines[0].startswith("Unum "), f"first serial line is {lines[0]!r}, not `Unum ...`")


TESTS = {
    "selftest_bios_cd": selftest_on("selftest_bios_cd", "bios", "cd"),
    "selftest_uefi_cd": selftest_on("selftest_uefi_cd", "uefi", "cd"),
    "selftest_bios_usb": selftest_on("selftest_bios_usb", "bios", "usb"),
    "selftest_uefi_usb": selftest_on("selftest_uefi_usb", "uefi", "usb"),
    "selftest_cpu_max": selftest_on("selftest_cpu_max", "bios", "cd", cpu="max"),
    "banner_is_first_line": banner_is_first_line,
}

if __name__ == "__main__":
    main(TESTS)
