#!/usr/bin/python3
# Issue 2 exception reporting: `fault=KIND` makes the kernel fault on purpose right after
# boot; the report must name the exception, dump the registers (CR2 for page faults) and
# print a symbolized backtrace, then `panic=exit` ends QEMU with debug-exit value 2.
import re

from harness import EXIT_PANIC, Node, check, main

# Each kind, with the ways a report may name it (mnemonic or the manual's name).
KINDS = {
    "pagefault": r"#PF|page.fault",
    "gp": r"#GP|general.protection",
    "ud": r"#UD|invalid.opcode|undefined.opcode",
    "divide": r"#DE|divide",
}
REGISTERS = ["RAX", "RBX", "RCX", "RDX", "RSI", "RDI", "RBP", "RSP", "RIP"]


def fault_test(kind):
    def test(build):
        with Node(build, f"fault_{kind}", cmdline=f"fault={kind} panic=exit") as node:
            node.expect(r"EXCEPTION", what="EXCEPTION")
            status = node.wait_exit()
            text = node.transcript()
            report = text[text.find("EXCEPTION"):]
            first = report.split("\n", 1)[0]
            check(re.search(KINDS[kind], first, re.I),
                  f"the EXCEPTION line does not name the exception: {first!r}")
            for reg in REGISTERS:
                check(re.search(rf"\b{reg}\s*[=:]\s*(0x)?[0-9a-fA-F]+", report, re.I),
                      f"register dump lacks {reg}")
            if kind == "pagefault":
                check(re.search(r"CR2\s*=\s*(0x)?[0-9a-fA-F]+", report), "page fault report lacks CR2=")
            check("Backtrace:" in report, "no `Backtrace:` in the report")
            frames = report[report.find("Backtrace:"):].split("\n")[1:]
            check(any("trigger_deliberate_fault" in f for f in frames[:16]),
                  "backtrace does not name trigger_deliberate_fault")
            check(status == EXIT_PANIC, f"QEMU exit status {status}, expected {EXIT_PANIC} (panic=exit)")
    return test


TESTS = {f"fault_{kind}": fault_test(kind) for kind in KINDS}

if __name__ == "__main__":
    main(TESTS)
