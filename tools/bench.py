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
from lan_port import ETH_IPV4, LanPort, ethernet, icmp_echo, ip_bytes, ipv4  # noqa: E402


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


def iperf_kbits(shell, server_ip):
    """Runs `iperf -c` for 5 s and returns the rate it reports, in kbit/s."""
    out = shell.run(f"iperf -c {server_ip} -t 5", timeout=300)
    rates = [m for m in (re.search(r"([\d.]+) ([KMG]?)bits/sec", line) for line in out) if m]
    if not rates:
        raise TestFailure(f"iperf printed no rate: {out!r}")
    scale = {"": 1e-3, "K": 1, "M": 1e3, "G": 1e6}
    return float(rates[-1].group(1)) * scale[rates[-1].group(2)]


def echo_frames_per_second(lan_path, target_ip, seconds=5.0, window=32):
    """Keeps `window` ICMP echo requests outstanding to target for `seconds` from
    the host's own LAN port and returns the echo replies per second (each is one
    frame received and one sent by the node's driver and stack)."""
    target = ip_bytes(target_ip)

    def is_reply(frame):
        return len(frame) > 34 and frame[12:14] == b"\x08\x00" and frame[23] == 1 and frame[34] == 0
    with LanPort(lan_path) as lan:
        mac = lan.resolve(target, timeout=30)
        if not mac:
            raise TestFailure(f"no ARP reply from {target_ip}")
        sequence, replies, outstanding = 0, 0, 0
        start = time.monotonic()
        while time.monotonic() - start < seconds:
            while outstanding < window:
                sequence = (sequence + 1) & 0xFFFF
                lan.send(ethernet(mac, ETH_IPV4, ipv4(target, 1, icmp_echo(0x4245, sequence, b"x" * 32),
                                                      ident=sequence)))
                outstanding += 1
            if lan.receive(is_reply, 1.0):
                replies += 1
                outstanding -= 1
            else:
                outstanding = 0  # lost ones: refill the window
        elapsed = time.monotonic() - start
        if replies == 0:
            raise TestFailure("no echo replies")
        return replies / elapsed


def network_benchmarks(ctx):
    """Two nodes on the VDE LAN: TCP throughput each way with iperf, ping's
    round trip, and the ICMP echo frames per second node 1 answers to a burst
    from the host's own LAN port."""
    with Cluster(ctx.build, "bench_network", nodes=2) as cluster:
        for i in (1, 2):
            wait_until_up(cluster, i)
        one, two = Shell(cluster, 1), Shell(cluster, 2)
        try:
            two.run("iperf -s > /dev/null &")
            one.run("iperf -s > /dev/null &")
            forward = iperf_kbits(one, node_ip(2))
            reverse = iperf_kbits(two, node_ip(1))
            out = one.run(f"ping -c 10 -i 0.2 {node_ip(2)}", timeout=120)
            times = [float(m.group(1)) for m in (re.search(r"time=([\d.]+) ms", l) for l in out) if m]
            if not times:
                raise TestFailure(f"ping printed no times: {out!r}")
            rate = echo_frames_per_second(cluster.dir / "lan", node_ip(1))
            return [("lan_tcp_node1_to_node2_kbit_s", round(forward), "kbit/s"),
                    ("lan_tcp_node2_to_node1_kbit_s", round(reverse), "kbit/s"),
                    ("lan_ping_rtt_us", round(statistics.median(times) * 1000), "us"),
                    ("lan_echo_replies_per_s", round(rate), "frames/s")]
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
