#!/usr/bin/python3
# `make bench`: runs every probe in PROBES (each boots QEMU and returns measurements),
# prints a table and writes BUILD/bench.json as a list of {name, value, unit}.
# To add a benchmark, add a probe function to PROBES; kernel-side benchmarks only need
# to print `BENCH <name> <integer> <unit>` in `bench` mode. Nothing here is a pass/fail test.
import argparse
import json
import re
import statistics
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "system"))
from harness import EXIT_PASS, Cluster, Node, TestFailure  # noqa: E402
from test_network import Shell, node_ip, wait_until_up  # noqa: E402


def boot_time(firmware, suffix=""):
    """Host-side milliseconds from QEMU start to the banner and to `unum: boot complete`,
    the median of ctx.repeat plain boots."""
    def probe(ctx):
        banner, ready = [], []
        for run in range(ctx.repeat):
            with Node(ctx.build, f"boot_time{suffix}_{run + 1}", firmware=firmware, logs=ctx.logs) as node:
                node.expect(r"(^|[\r\n])Unum ", what="the banner")
                banner.append((time.monotonic() - node.started_at) * 1000)
                node.expect(r"unum: boot complete", what="unum: boot complete")
                ready.append((time.monotonic() - node.started_at) * 1000)
        return [(f"boot_to_banner{suffix}_ms", round(statistics.median(banner)), "ms"),
                (f"boot_time{suffix}_ms", round(statistics.median(ready)), "ms")]
    return probe


def kernel_benchmarks(ctx):
    """The in-kernel benchmarks: `bench` on the command line, `BENCH name value unit` lines."""
    with Node(ctx.build, "bench_kernel", cmdline="bench panic=exit", logs=ctx.logs,
              timeout=900) as node:
        node.expect(r"bench: done", what="bench: done")
        status = node.wait_exit()
        lines = re.findall(r"^BENCH (\S+) (-?\d+) (\S+)\s*$", node.transcript(), re.M)
        if status != EXIT_PASS:
            raise TestFailure(f"QEMU exit status {status} after `bench: done` (see {node.log_path})")
        if not lines:
            raise TestFailure(f"no BENCH lines (see {node.log_path})")
        return [(name, int(value), unit) for name, value, unit in lines]


def user_benchmarks(ctx):
    """User-space benchmarks: /bin/ubench as the first process (fork+exec+wait of
    /bin/true, null syscall cycles, pipe throughput)."""
    with Node(ctx.build, "bench_user", cmdline="init=/bin/ubench panic=exit", logs=ctx.logs,
              timeout=900) as node:
        node.expect(r"ubench: done", what="ubench: done")
        lines = re.findall(r"^BENCH (\S+) (-?\d+) (\S+)\s*$", node.transcript(), re.M)
        if not lines:
            raise TestFailure(f"no BENCH lines (see {node.log_path})")
        return [(name, int(value), unit) for name, value, unit in lines]


def network_benchmarks(ctx):
    """Two nodes on the VDE LAN: TCP throughput node 1 -> node 2 with iperf, and
    the round-trip time of ping, both as the programs report them."""
    with Cluster(ctx.build, "bench_network", nodes=2) as cluster:
        for i in (1, 2):
            wait_until_up(cluster, i)
        one, two = Shell(cluster, 1), Shell(cluster, 2)
        try:
            two.run("iperf -s &")
            out = one.run(f"iperf -c {node_ip(2)} -t 5", timeout=300)
            rates = [re.search(r"([\d.]+) ([KMG]?)bits/sec", line) for line in out]
            rates = [m for m in rates if m]
            if not rates:
                raise TestFailure(f"iperf printed no rate: {out!r}")
            scale = {"": 1e-3, "K": 1, "M": 1e3, "G": 1e6}
            kbits = float(rates[-1].group(1)) * scale[rates[-1].group(2)]
            out = one.run(f"ping -c 10 -i 0.2 {node_ip(2)}", timeout=120)
            times = [float(m.group(1)) for m in (re.search(r"time=([\d.]+) ms", l) for l in out) if m]
            if not times:
                raise TestFailure(f"ping printed no times: {out!r}")
            return [("lan_tcp_throughput_kbit_s", round(kbits), "kbit/s"),
                    ("lan_ping_rtt_us", round(statistics.median(times) * 1000), "us")]
        finally:
            one.close()
            two.close()


PROBES = [
    ("boot time, SeaBIOS", boot_time("bios")),
    ("boot time, OVMF", boot_time("uefi", "_uefi")),
    ("in-kernel benchmarks", kernel_benchmarks),
    ("user-space benchmarks", user_benchmarks),
    ("network, two nodes", network_benchmarks),
]


class Context:
    def __init__(self, build, repeat):
        self.build = build
        self.repeat = repeat
        self.logs = build / "bench-logs"


def main():
    parser = argparse.ArgumentParser(description="Run Unum's benchmarks.")
    parser.add_argument("--build", default="build")
    parser.add_argument("--repeat", type=int, default=3, help="boots per boot-time probe (median)")
    parser.add_argument("--only", help="regex on probe titles")
    args = parser.parse_args()
    ctx = Context(Path(args.build).resolve(), args.repeat)
    entries, failures = [], 0
    for title, probe in PROBES:
        if args.only and not re.search(args.only, title):
            continue
        print(f"# {title} ...", flush=True)
        try:
            entries += probe(ctx)
        except TestFailure as e:
            failures += 1
            print(f"# {title} failed: {e}", flush=True)
        except Exception:
            failures += 1
            traceback.print_exc()
    width = max([len(name) for name, _, _ in entries] + [9])
    print(f"{'benchmark':<{width}}  {'value':>14}  unit")
    for name, value, unit in entries:
        print(f"{name:<{width}}  {value:>14}  {unit}")
    out = ctx.build / "bench.json"
    out.write_text(json.dumps([{"name": n, "value": v, "unit": u} for n, v, u in entries], indent=2) + "\n")
    print(f"# wrote {out}; QEMU logs in {ctx.logs}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
