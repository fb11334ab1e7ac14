#!/usr/bin/python3
# Issue 3 user mode: the kernel runs a program from the initrd as the first process
# (`init=PATH`). hello exercises newlib (printf with floats, malloc, strtol);
# proctest checks fork, execve, waitpid, pipes, signal handlers, SIGSEGV for NULL
# and kernel addresses, EFAULT for bad pointers, kill, and the heap.
from harness import Node, check, main


def test_hello(build):
    with Node(build, "user_hello", cmdline="init=/bin/hello panic=exit") as node:
        node.expect(r"hello from user mode", what="the program's first line")
        node.expect(r"pi is about 3\.142", what="printf with a float")
        node.expect(r"hello: ok", what="malloc and strtol checks")


def test_proctest(build):
    with Node(build, "user_proctest", cmdline="init=/bin/proctest panic=exit") as node:
        node.expect(r"proctest: (\d+) failed", what="the proctest summary", timeout=240)
        text = node.transcript()
        failed = [line for line in text.splitlines() if "FAILED" in line]
        check(not failed, "proctest checks failed: " + "; ".join(failed))
        for name in ("fork-exit-status", "exec-pipe", "signal-handler", "sigsegv", "kernel-memory",
                     "bad-pointer-efault", "kill-term", "heap", "getentropy"):
            check(f"proctest: {name} ok" in text, f"proctest did not report {name} ok")
        check("proctest: 0 failed" in text, "proctest summary is not 0 failed")


TESTS = {"user_hello": test_hello, "user_proctest": test_proctest}

if __name__ == "__main__":
    main(TESTS)
