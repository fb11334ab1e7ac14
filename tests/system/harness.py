# System-test harness: boots one QEMU node (BIOS or UEFI firmware, CD or USB stick,
# extra kernel options through fw_cfg) with its serial console on a pexpect pty, and
# gives every test file the same command line (`--list`, `--build DIR [NAME...]`).
# QEMU always runs with -display none, a hard timeout, and is killed by PID at the end.
import argparse
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from pathlib import Path

import pexpect
from pexpect import fdpexpect

REPO = Path(__file__).resolve().parent.parent.parent
OVMF_CODE = Path("/usr/share/OVMF/OVMF_CODE_4M.fd")
OVMF_VARS = Path("/usr/share/OVMF/OVMF_VARS_4M.fd")
DEBUG_EXIT = "isa-debug-exit,iobase=0xf4,iosize=0x04"
# isa-debug-exit turns the value v the kernel writes into QEMU exit status (v << 1) | 1.
EXIT_PASS, EXIT_FAIL, EXIT_PANIC = 1, 3, 5
# Everything under TCG is slow and the machine may be running two of us: be generous.
BOOT_TIMEOUT = 240
ANSI_ESCAPE = re.compile(r"\x1b(\[[0-9;=?]*[A-Za-z]|[()][A-Za-z0-9]|[=>])")


class TestFailure(Exception):
    """An assertion about the node's behaviour did not hold."""


def expect_on(child, pattern, timeout, what, log_path, eof_message=lambda: "the console closed"):
    """pexpect's expect, with a timeout or EOF turned into a TestFailure that says what
    was awaited and where the transcript is."""
    try:
        return child.expect(pattern, timeout=timeout)
    except pexpect.TIMEOUT:
        raise TestFailure(f"timed out waiting for {what or pattern!r} (see {log_path})")
    except pexpect.EOF:
        raise TestFailure(f"{eof_message()} before {what or pattern!r} (see {log_path})")


def check(condition, message):
    if not condition:
        raise TestFailure(message)


def strip_ansi(text):
    return ANSI_ESCAPE.sub("", text)


class Node:
    """One QEMU machine booted from the ISO; use it as a context manager.

    firmware: "bios" (SeaBIOS) or "uefi" (OVMF); media: "cd" or "usb".
    cmdline: options the kernel appends to GRUB's command line (fw_cfg).
    """

    def __init__(self, build, name, firmware="bios", media="cd", cmdline="", cpu=None,
                 memory="512M", extra_args=(), timeout=BOOT_TIMEOUT, iso=None, logs=None):
        self.build = Path(build)
        self.name = name
        self.firmware = firmware
        self.media = media
        self.cmdline = cmdline
        self.cpu = cpu
        self.memory = memory
        self.extra_args = list(extra_args)
        self.timeout = timeout
        self.iso = Path(iso) if iso else self.build / "unum.iso"
        self.logs = Path(logs) if logs else log_dir(self.build)
        self.logs.mkdir(parents=True, exist_ok=True)
        self.log_path = self.logs / f"{name}.log"
        self.child = None
        self.scratch = None
        self.exitstatus = None

    # ------------------------------------------------------------ lifecycle

    def command(self):
        check(self.iso.is_file(), f"no boot image {self.iso} (run make)")
        self.scratch = Path(tempfile.mkdtemp(prefix=f"{self.name}-", dir=self.logs))
        args = ["-m", self.memory, "-display", "none", "-no-reboot", "-serial", "stdio",
                "-monitor", "none", "-nic", "none", "-device", DEBUG_EXIT]
        if self.firmware == "uefi":
            vars_copy = self.scratch / "OVMF_VARS.fd"
            shutil.copyfile(OVMF_VARS, vars_copy)
            args += ["-drive", f"if=pflash,format=raw,readonly=on,file={OVMF_CODE}",
                     "-drive", f"if=pflash,format=raw,file={vars_copy}"]
        elif self.firmware != "bios":
            raise ValueError(f"unknown firmware {self.firmware}")
        if self.media == "cd":
            args += ["-cdrom", str(self.iso)]
        elif self.media == "usb":
            # A private copy: the stick is writable, as a real one would be.
            stick = self.scratch / "stick.img"
            shutil.copyfile(self.iso, stick)
            args += ["-boot", "menu=off", "-device", "qemu-xhci",
                     "-drive", f"if=none,id=stick,format=raw,file={stick}",
                     "-device", "usb-storage,drive=stick,bootindex=0"]
        else:
            raise ValueError(f"unknown media {self.media}")
        if self.cmdline:
            args += ["-fw_cfg", "name=opt/unum/cmdline,string=" + self.cmdline.replace(",", ",,")]
        if self.cpu:
            args += ["-cpu", self.cpu]
        return ["qemu-system-x86_64"] + args + self.extra_args

    def start(self):
        cmd = self.command()
        self.log = open(self.log_path, "w", encoding="utf-8", errors="replace")
        self.log.write("# " + " ".join(cmd) + "\n")
        self.log.flush()
        self.started_at = time.monotonic()
        self.child = pexpect.spawn(cmd[0], cmd[1:], timeout=self.timeout, encoding="utf-8",
                                   codec_errors="replace", logfile=None, echo=False)
        self.child.logfile_read = self.log
        return self

    def stop(self):
        """Kills QEMU by its PID if it still runs; never raises."""
        if self.child is not None:
            try:
                if self.child.isalive():
                    os.kill(self.child.pid, signal.SIGKILL)
                self.child.close(force=True)
            except (OSError, pexpect.ExceptionPexpect):
                pass
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)
        if getattr(self, "log", None):
            self.log.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        return False

    # ------------------------------------------------------------ serial console

    def expect(self, pattern, timeout=None, what=None):
        return expect_on(self.child, pattern, timeout or self.timeout, what, self.log_path,
                         lambda: f"QEMU exited (status {self.wait_exit(5)})")

    def expect_exact(self, text, timeout=None):
        return self.expect(re.escape(text), timeout, what=text)

    def send(self, text):
        self.child.send(text)

    def transcript(self):
        """Everything the serial console printed so far, escape sequences removed."""
        self.log.flush()
        text = self.log_path.read_text(encoding="utf-8", errors="replace")
        text = text.split("\n", 1)[1] if text.startswith("# ") else text  # the command line
        return strip_ansi(text).replace("\r", "")

    def wait_exit(self, timeout=None):
        """Waits for QEMU to exit by itself; returns its exit status."""
        if self.exitstatus is not None:
            return self.exitstatus
        deadline = time.monotonic() + (timeout or self.timeout)
        while self.child.isalive():
            if time.monotonic() > deadline:
                raise TestFailure(f"QEMU did not exit within {timeout or self.timeout}s")
            try:
                self.child.expect(pexpect.EOF, timeout=1)
            except pexpect.TIMEOUT:
                pass
        self.child.close()
        self.exitstatus = self.child.exitstatus
        if self.exitstatus is None:
            self.exitstatus = -(self.child.signalstatus or 0)
        return self.exitstatus


class Cluster:
    """A cluster started through tools/cluster in a private run directory under
    BUILD/test-logs/NAME; `down` runs on the way out whatever happened."""

    def __init__(self, build, name, nodes, extra=(), netboot=False):
        self.build = Path(build)
        self.dir = log_dir(build) / name
        self.nodes = nodes
        self.extra = list(extra)
        # Nodes 2.. boot from the network served by node 1 (tools/cluster's default);
        # tests boot every node from the ISO unless they are about network boot.
        self.netboot = netboot
        self.tool = str(REPO / "tools" / "cluster")

    def run_tool(self, *args, check_status=True):
        result = subprocess.run([self.tool, *args, "--dir", str(self.dir)],
                                capture_output=True, text=True, timeout=120)
        check(not check_status or result.returncode == 0,
              f"tools/cluster {' '.join(args)} failed: {result.stderr.strip()}")
        return result

    def __enter__(self):
        boot = [] if self.netboot else ["--no-netboot"]
        self.run_tool("up", "--nodes", str(self.nodes), *boot,
                      "--iso", str(self.build / "unum.iso"), *self.extra)
        return self

    def __exit__(self, *exc):
        self.run_tool("down", check_status=False)
        return False

    def wait_for_log(self, i, text, timeout=BOOT_TIMEOUT):
        """Waits until node i's console log contains text (output the node printed
        while nobody was attached only reaches the log)."""
        log = self.dir / f"node{i}.log"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if log.exists() and text in strip_ansi(log.read_text(errors="replace")):
                return
            time.sleep(0.5)
        raise TestFailure(f"node {i} never printed {text!r} (see {log})")

    def console(self, i, timeout=BOOT_TIMEOUT):
        """A session on node i's serial socket (what `tools/cluster console` attaches to)."""
        return ClusterConsole(self.dir, i, timeout)

    def qemu_monitor(self, i, command):
        """Runs one QEMU monitor (HMP) command on node i and returns its output."""
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.connect(str(self.dir / f"node{i}.mon"))
            conn.settimeout(10)
            data = b""
            while not data.endswith(b"(qemu) "):
                data += conn.recv(4096)
            conn.sendall(command.encode() + b"\n")
            data = b""
            while not data.endswith(b"(qemu) "):
                data += conn.recv(4096)
        return strip_ansi(data.decode(errors="replace"))

    def pid(self, i):
        try:
            return int((self.dir / f"node{i}.pid").read_text())
        except (OSError, ValueError):
            return None


class ClusterConsole:
    """pexpect on a cluster node's serial socket; the node's log keeps the transcript.

    A thread keeps reading the socket into an unbounded buffer that pexpect reads
    through a pipe: QEMU writes the serial port to the socket one byte per write,
    so a socket left unread for a few hundred characters (a test busy with another
    node) would stop QEMU's UART from draining and stall the guest's console."""

    def __init__(self, run_dir, i, timeout):
        self.log_path = Path(run_dir) / f"node{i}.log"
        self.timeout = timeout
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.connect(str(Path(run_dir) / f"node{i}.sock"))
        read_end, self._write_end = os.pipe()
        os.set_blocking(self._write_end, False)
        self._closed = threading.Event()
        self._pump = threading.Thread(target=self._pump_output, daemon=True)
        self._pump.start()
        self.child = fdpexpect.fdspawn(read_end, timeout=timeout, encoding="utf-8",
                                       codec_errors="replace")

    def _pump_output(self):
        pending = bytearray()
        eof = False
        try:
            while not self._closed.is_set() and not (eof and not pending):
                readers = [] if eof else [self.sock]
                writers = [self._write_end] if pending else []
                readable, writable, _ = select.select(readers, writers, [], 0.2)
                if readable:
                    data = self.sock.recv(65536)
                    if data:
                        pending += data
                    else:
                        eof = True
                if writable:
                    try:
                        del pending[:os.write(self._write_end, bytes(pending[:65536]))]
                    except BlockingIOError:
                        pass
        except OSError:
            pass  # the socket or the pipe was closed under us
        finally:
            try:
                os.close(self._write_end)  # pexpect sees EOF
            except OSError:
                pass

    def expect(self, pattern, timeout=None, what=None):
        return expect_on(self.child, pattern, timeout or self.timeout, what, self.log_path)

    def expect_exact(self, text, timeout=None):
        return self.expect(re.escape(text), timeout, what=text)

    def send(self, text):
        self.sock.sendall(text.encode())

    def close(self):
        self._closed.set()
        self._pump.join(timeout=5)
        self.sock.close()
        try:
            self.child.close()
        except OSError:
            pass


def alive(pid):
    try:
        os.kill(pid, 0)
        return not Path(f"/proc/{pid}/stat").read_text().split(") ")[1].startswith("Z")
    except (OSError, IndexError):
        return False


def log_dir(build):
    path = Path(build) / "test-logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


# ---------------------------------------------------------------- common checks

def run_selftest(node):
    """Boots node (whose cmdline holds `selftest`) and checks the TAP report and the
    exit status. Returns (passed, failed) as the kernel reported them."""
    node.expect(r"TAP version 13", what="TAP version 13")
    node.expect(r"(?m)^1\.\.(\d+)\s", what="TAP plan 1..N")
    planned = int(node.child.match.group(1))
    node.expect(r"selftest: (\d+) passed, (\d+) failed", what="selftest summary")
    passed, failed = int(node.child.match.group(1)), int(node.child.match.group(2))
    status = node.wait_exit()
    text = node.transcript()
    tap = text[text.find("TAP version 13"):]
    oks = re.findall(r"^ok \d+", tap, re.M)
    not_oks = re.findall(r"^not ok \d+.*$", tap, re.M)
    check(planned > 0, "the self-test plan is empty")
    check(not not_oks, "self-tests failed: " + "; ".join(s.strip() for s in not_oks))
    check(failed == 0, f"selftest summary reports {failed} failed")
    check(len(oks) == planned == passed,
          f"plan 1..{planned}, {len(oks)} `ok` lines, summary says {passed} passed")
    check(status == EXIT_PASS, f"QEMU exit status {status}, expected {EXIT_PASS} (debug-exit 0)")
    return passed, failed


# ---------------------------------------------------------------- test-file command line

def main(tests):
    """Command line of every tests/system/test_*.py: tests maps name -> function(build).
    `--list` prints the names; `--build DIR [NAME...]` runs them (all by default) and
    exits 0 only if every one passed."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--build", default=str(REPO / "build"))
    parser.add_argument("--list", action="store_true")
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    if args.list:
        print("\n".join(tests))
        return
    # The runner stops a hung test with SIGTERM: turn it into an exception so every
    # `with Node(...)` block kills its QEMU on the way out.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("terminated"))
    names = args.names or list(tests)
    failures = 0
    for name in names:
        if name not in tests:
            print(f"unknown test {name}; known: {', '.join(tests)}", file=sys.stderr)
            sys.exit(2)
        try:
            tests[name](Path(args.build).resolve())
            print(f"PASS {name}")
        except TestFailure as e:
            failures += 1
            print(f"FAIL {name}: {e}")
        except Exception:
            failures += 1
            traceback.print_exc()
            print(f"FAIL {name}: error in the test itself")
    sys.exit(1 if failures else 0)
