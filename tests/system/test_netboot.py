#!/usr/bin/python3
# Issue 6, the netboot tree (docs/netboot.md) without Unum's own boot services: a
# diskless QEMU machine boots build/netboot/ through its NIC's iPXE ROM, GRUB's network
# image and grub.cfg over QEMU's built-in (slirp) BOOTP and TFTP, under SeaBIOS and
# OVMF; and the ISO carries the same tree, which the kernel unpacks into /boot/net.
# QEMU user networking only with restrict=on: nothing leaves the machine.
import re
import shutil
import tempfile
from pathlib import Path

from harness import DEBUG_EXIT, OVMF_CODE, OVMF_VARS, Node, check, main

BOOT_IMAGES = {"bios": "boot/grub/i386-pc/core.0", "uefi": "boot/grub/x86_64-efi/core.efi"}
# Without a cluster the kernel would wait for a node number (a netbooted node waits
# for one as long as it takes); this test is about the boot chain only.
CMDLINE = "nocluster init=none"


class NetbootNode(Node):
    """A machine with no disk and no ISO that boots the netboot tree from slirp's TFTP."""

    def command(self):
        tree = self.build / "netboot"
        image = BOOT_IMAGES[self.firmware]
        check((tree / image).is_file(), f"no {tree / image} (run make)")
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{self.name}-", dir=self.logs))
        args = ["-m", self.memory, "-display", "none", "-no-reboot", "-serial", "stdio",
                "-monitor", "none", "-device", DEBUG_EXIT, "-boot", "n",
                "-netdev", f"user,id=n0,restrict=on,tftp={tree},bootfile={image}",
                "-device", "e1000,netdev=n0"]
        if self.firmware == "uefi":
            vars_copy = self.scratch / "OVMF_VARS.fd"
            shutil.copyfile(OVMF_VARS, vars_copy)
            args += ["-drive", f"if=pflash,format=raw,readonly=on,file={OVMF_CODE}",
                     "-drive", f"if=pflash,format=raw,file={vars_copy}"]
        args += ["-fw_cfg", "name=opt/unum/cmdline,string=" + self.cmdline.replace(",", ",,")]
        return ["qemu-system-x86_64"] + args + self.extra_args


def boots_over_slirp_tftp(firmware):
    def test(build):
        name = f"netboot_{firmware}"
        with NetbootNode(build, name, firmware=firmware, cmdline=CMDLINE) as node:
            node.expect_exact("unum: boot complete")
            text = node.transcript()
            lines = [line for line in text.split("\n") if line.strip()]
            if firmware == "bios":
                # SeaBIOS, iPXE and GRUB print nothing on COM1: the banner comes first.
                check(lines and lines[0].startswith("Unum "),
                      f"first serial line is {lines[0] if lines else None!r}, not `Unum ...`")
            else:
                check("Unum " in text, "no `Unum ` banner")
                check("boot/grub/x86_64-efi/core.efi" in text, "OVMF's iPXE did not fetch core.efi")
            # grub.cfg from the tree gave the kernel its `netboot` marker and the initrd.
            check(re.search(r"boot loader: GRUB [^;]*; command line: netboot\s*$", text, re.M),
                  "the kernel's command line from the netboot grub.cfg is not `netboot`")
            check(re.search(r"initrd: \d+ files", text), "no initrd arrived over TFTP")
    return test


def iso_carries_netboot_tree(build):
    """The ISO's netboot.cpio module lands in /boot/net with every file of build/netboot."""
    files = sum(1 for p in (build / "netboot").rglob("*") if p.is_file())
    check(files > 0, "build/netboot is empty (run make)")
    with Node(build, "iso_carries_netboot_tree", cmdline=CMDLINE) as node:
        node.expect(r"initrd: netboot tree (\d+) files, \d+ KiB in /boot/net", what="the netboot tree line")
        unpacked = int(node.child.match.group(1))
        check(unpacked == files, f"/boot/net has {unpacked} files, build/netboot has {files}")
        node.expect_exact("unum: boot complete")


TESTS = {
    "netboot_tree_boots_over_slirp_tftp": boots_over_slirp_tftp("bios"),
    "netboot_tree_boots_over_slirp_tftp_uefi": boots_over_slirp_tftp("uefi"),
    "iso_carries_netboot_tree": iso_carries_netboot_tree,
}

if __name__ == "__main__":
    main(TESTS)
