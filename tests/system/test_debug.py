#!/usr/bin/python3
# Issue 2 `make debug`: tools/debug.sh (in its --batch mode) boots the ISO under QEMU's gdb
# stub, and gdb with the kernel's symbols really stops at kernel_main; QEMU is gone after.
import re
import subprocess
import time

from harness import REPO, check, log_dir, main


def gdb_stops_at_kernel_main(build):
    log = log_dir(build) / "gdb_stops_at_kernel_main.log"
    try:
        result = subprocess.run([str(REPO / "tools" / "debug.sh"), str(build), "--batch"],
                                capture_output=True, text=True, timeout=420)
    except subprocess.TimeoutExpired as e:
        log.write_text(str(e.stdout or "") + str(e.stderr or ""))
        check(False, f"tools/debug.sh --batch did not finish (see {log})")
    log.write_text(result.stdout + "\n--- stderr ---\n" + result.stderr)
    check(result.returncode == 0, f"tools/debug.sh exited {result.returncode} (see {log})")
    check(re.search(r"^Breakpoint 1, .*\bkernel_main\b", result.stdout, re.M),
          f"gdb did not stop at the kernel_main breakpoint (see {log})")
    check(re.search(r"^kernel_main\b.* in section", result.stdout, re.M),
          f"the program counter is not in kernel_main (see {log})")
    pidfile = build / "debug" / "qemu.pid"
    for _ in range(50):
        if not pidfile.exists():
            break
        time.sleep(0.1)
    check(not pidfile.exists(), "tools/debug.sh left its QEMU behind")


TESTS = {"gdb_stops_at_kernel_main": gdb_stops_at_kernel_main}

if __name__ == "__main__":
    main(TESTS)
