#!/usr/bin/python3
# `make test` runner: the host unit tests (one result per Catch2 test case), a bounded
# smoke run of every fuzz target, then every system test (tests/system/test_*.py), two
# at a time. One `PASS name` / `FAIL name ...` line per test; the last line is always
# `N passed, N failed`, and the exit status is non-zero if anything failed.
import argparse
import html
import os
import re
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = "/usr/bin/python3"
UNIT_TIMEOUT = 900
FUZZ_RUNS = 20000
FUZZ_TIMEOUT = 600
# A system test's own expects time out long before this; it only catches a wedged harness.
SYSTEM_TIMEOUT = 1200


class Results:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def report(self, ok, name, detail=""):
        if ok:
            self.passed += 1
            print(f"PASS {name}", flush=True)
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""), flush=True)


def run_logged(cmd, log, timeout, **kwargs):
    """Runs cmd with its output in log, in its own process group so a timeout can stop
    the whole tree. Returns the exit status, or None on timeout."""
    with open(log, "w") as out:
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True, **kwargs)
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            # SIGTERM first: the system-test harness kills its QEMUs on the way out.
            for sig, grace in ((signal.SIGTERM, 15), (signal.SIGKILL, 5)):
                try:
                    os.killpg(proc.pid, sig)
                    proc.wait(timeout=grace)
                    break
                except (ProcessLookupError, subprocess.TimeoutExpired):
                    continue
            out.write(f"\n[run_tests: killed after {timeout}s]\n")
            return None


# ---------------------------------------------------------------- host unit tests

def host_tests(build, logs, results, only):
    binary = build / "host" / "unit_tests"
    if not binary.exists():
        results.report(False, "host/unit_tests", f"not built ({binary})")
        return
    xml, log = logs / "host-unit-tests.xml", logs / "host-unit-tests.log"
    xml.unlink(missing_ok=True)
    status = run_logged([str(binary), "-r", "xml", "-o", str(xml)], log, UNIT_TIMEOUT, cwd=REPO)
    text = xml.read_text(errors="replace") if xml.exists() else ""
    # Catch2's XML, read as a token stream so a report cut short by a crash still counts
    # what ran; a test case with no OverallResult is the one that crashed.
    current = None
    cases = []
    for m in re.finditer(r'<TestCase name="([^"]*)"|<OverallResult success="(true|false)"', text):
        if m.group(1) is not None:
            if current is not None:
                cases.append((current, False))
            current = html.unescape(m.group(1))
        elif current is not None:
            cases.append((current, m.group(2) == "true"))
            current = None
    if current is not None:
        cases.append((current, False))
    for name, ok in cases:
        if only is None or only.search(f"host/{name}"):
            results.report(ok, f"host/{name}", f"log: {log}, {xml}")
    if status != 0 and all(ok for _, ok in cases):
        # Failures outside any test case: a crash before the first, a leak found at exit.
        what = "timed out" if status is None else f"exited with status {status}"
        results.report(False, "host/unit_tests", f"{what} (log: {log})")


# ---------------------------------------------------------------- fuzz smoke runs

def fuzz_targets(build, logs, results, only):
    fuzz_dir = build / "fuzz"
    targets = sorted(p for p in fuzz_dir.iterdir() if p.is_file() and os.access(p, os.X_OK)) \
        if fuzz_dir.is_dir() else []
    for target in targets:
        name = f"fuzz/{target.name}"
        if only is not None and not only.search(name):
            continue
        log = logs / f"fuzz-{target.name}.log"
        # New inputs go to a scratch corpus; checked-in seeds (if any) are only read.
        scratch = logs / f"fuzz-{target.name}-corpus"
        scratch.mkdir(exist_ok=True)
        cmd = [str(target), f"-runs={FUZZ_RUNS}", "-max_total_time=300",
               f"-artifact_prefix={logs}/fuzz-{target.name}-", str(scratch)]
        seeds = REPO / "tests" / "fuzz" / "corpus" / target.name
        if seeds.is_dir():
            cmd.append(str(seeds))
        status = run_logged(cmd, log, FUZZ_TIMEOUT, cwd=logs)
        results.report(status == 0, name, f"log: {log}")


# ---------------------------------------------------------------- system tests

def system_tests(build, logs, results, only, jobs):
    tests = []
    for script in sorted((REPO / "tests" / "system").glob("test_*.py")):
        listing = subprocess.run([PYTHON, str(script), "--list"], capture_output=True, text=True)
        if listing.returncode != 0:
            results.report(False, f"system/{script.name}", f"cannot list: {listing.stderr.strip()}")
            continue
        for name in listing.stdout.split():
            if only is None or only.search(f"system/{name}"):
                tests.append((script, name))
    # UEFI boots are the slowest under TCG: start them first so the tail is short.
    tests.sort(key=lambda t: "uefi" not in t[1])

    def run_one(test):
        script, name = test
        log = logs / f"{name}.out"
        status = run_logged([PYTHON, str(script), "--build", str(build), name], log,
                            SYSTEM_TIMEOUT, cwd=REPO)
        output = log.read_text(errors="replace")
        reason = re.search(rf"^FAIL {re.escape(name)}: (.*)$", output, re.M)
        detail = reason.group(1) if reason else ("timed out" if status is None else f"status {status}")
        return status == 0, f"system/{name}", f"{detail} (log: {log})"

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for future in as_completed([pool.submit(run_one, test) for test in tests]):
            results.report(*future.result())


def main():
    parser = argparse.ArgumentParser(description="Run Unum's tests.")
    parser.add_argument("--build", default="build", help="build directory (default build)")
    parser.add_argument("--jobs", type=int, default=2, help="system tests run at once (default 2)")
    parser.add_argument("--only", help="regex: run only tests whose name (host/..., fuzz/..., system/...) matches")
    parser.add_argument("--skip", action="append", default=[], choices=["host", "fuzz", "system"])
    args = parser.parse_args()
    build = Path(args.build).resolve()
    logs = build / "test-logs"
    logs.mkdir(parents=True, exist_ok=True)
    only = re.compile(args.only) if args.only else None
    results = Results()
    started = time.monotonic()
    try:
        if "host" not in args.skip:
            host_tests(build, logs, results, only)
        if "fuzz" not in args.skip:
            fuzz_targets(build, logs, results, only)
        if "system" not in args.skip:
            system_tests(build, logs, results, only, args.jobs)
    finally:
        print(f"# took {time.monotonic() - started:.0f}s; logs in {logs}", flush=True)
        print(f"{results.passed} passed, {results.failed} failed", flush=True)
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
