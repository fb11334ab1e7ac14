#!/usr/bin/python3
# `make bench`: runs every probe in PROBES (each boots QEMU and returns measurements),
# prints a table and writes BUILD/bench.json as a list of {name, value, unit}.
# To add a benchmark, add a probe function to PROBES; kernel-side benchmarks only need
# to print `BENCH <name> <integer> <unit>` in `bench` mode. Nothing here is a pass/fail test.
import argparse
import json
import os
import re
import statistics
import struct
import subprocess
import sys
import time
import traceback
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests" / "system"))
from harness import EXIT_PASS, Cluster, Node, TestFailure  # noqa: E402
from test_network import Shell, node_ip, wait_until_up  # noqa: E402
from lan_port import ETH_IPV4, LanPort, ethernet, icmp_echo, ip_bytes, ipv4  # noqa: E402
from test_cluster_membership import udp_datagram  # noqa: E402


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


def cluster_simulation(ctx):
    """The simulated cluster (tests/host/kernel/cluster/cluster_convergence_bench.cpp):
    simulated ms and heartbeat rounds for 8, 64 and 256 nodes booted together to
    converge on one view (512 takes over 5 minutes of host time; UNUM_SIM_BENCH_SIZES), from the hidden `[.bench]` Catch2 case of the host tests
    (deterministic seed; simulated time, so the ASan build does not matter)."""
    binary = ctx.build / "host" / "unit_tests"
    if not binary.exists():
        raise TestFailure(f"no {binary} (make host-tests-build)")
    ctx.logs.mkdir(parents=True, exist_ok=True)
    log = ctx.logs / "cluster_simulation.log"
    result = subprocess.run([str(binary), "[.bench]"], capture_output=True, text=True, timeout=1800)
    log.write_text(result.stdout + result.stderr)
    for line in result.stdout.splitlines():
        if line.startswith("# cluster_sim"):
            print(line, flush=True)
    lines = re.findall(r"^BENCH (\S+) (-?\d+) (\S+)\s*$", result.stdout, re.M)
    if not lines:
        raise TestFailure(f"no BENCH lines (exit status {result.returncode}; see {log})")
    return [(name, int(value), unit) for name, value, unit in lines]


def boottime_seconds():
    return time.clock_gettime(time.CLOCK_BOOTTIME)


def process_start_seconds(pid):
    """When process pid started, on the CLOCK_BOOTTIME scale (/proc/PID/stat field 22)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[19]) / os.sysconf("SC_CLK_TCK")


def wait_for_log_line(path, text, timeout, after=0):
    """Polls path every 20 ms until text appears past byte offset after; returns
    the CLOCK_BOOTTIME second it was first seen."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            data = path.read_bytes()[after:].decode(errors="replace")
        except OSError:
            data = ""
        if text in data:
            return boottime_seconds()
        time.sleep(0.02)
    raise TestFailure(f"{path.name} never printed {text!r} within {timeout} s")


def cluster_benchmarks(ctx):
    """Three tools/cluster nodes on the VDE LAN: milliseconds from each QEMU's start
    (its process start time) to `cluster: node<N> joined` in its log (median of the
    three, and node 1 (the founder, which waits discovery_ms for a beacon first)
    alone), and from `tools/cluster kill 3` to node 1 logging
    `cluster: node3 removed (dead)` (default timing: dead after 5 s of silence).
    Logs polled every 20 ms. Before the kill, kernel-to-kernel RPC as a program
    sees it (`nodes ping`, node 1 -> node 2): the median null-call round trip and
    the median 64 KiB echo round trip as bytes moved both ways per second."""
    with Cluster(ctx.build, "bench_cluster", nodes=3) as cluster:
        joined, booted, targets = {}, {}, {}
        for i in (1, 2, 3):
            pid = cluster.pid(i)
            if pid is None:
                raise TestFailure(f"node {i} has no pid")
            start = process_start_seconds(pid)
            log = cluster.dir / f"node{i}.log"
            targets[(i, "boot")] = (log, "unum: boot complete", start)
            targets[(i, "joined")] = (log, f"cluster: node{i} joined", start)
        # All logs polled together, so each line is timed when it appears.
        seen = {}
        deadline = time.monotonic() + 600
        while len(seen) < len(targets):
            if time.monotonic() > deadline:
                raise TestFailure(f"never seen: {sorted(set(targets) - set(seen))}")
            for key, (log, text, start) in targets.items():
                if key not in seen and log.exists() and text in log.read_bytes().decode(errors="replace"):
                    seen[key] = (boottime_seconds() - start) * 1000
            time.sleep(0.02)
        for i in (1, 2, 3):
            booted[i], joined[i] = seen[(i, "boot")], seen[(i, "joined")]
        for i in (1, 2, 3):
            print(f"# node{i}: boot complete {booted[i]:.0f} ms, joined {joined[i]:.0f} ms after QEMU start",
                  flush=True)
        # Let views and streams settle before the kill.
        for i in (1, 2):
            wait_for_log_line(cluster.dir / f"node{i}.log", ": node1 node2 node3", 120)
        time.sleep(2)
        rpc = rpc_benchmarks(Shell(cluster, 1))
        log1 = cluster.dir / "node1.log"
        offset = log1.stat().st_size
        killed = boottime_seconds()
        cluster.run_tool("kill", "3")
        removed = wait_for_log_line(log1, "cluster: node3 removed (dead)", 120, after=offset)
        return [("cluster_boot_to_joined_ms", round(statistics.median(joined.values())), "ms"),
                ("cluster_founder_boot_to_joined_ms", round(joined[1]), "ms"),
                ("cluster_joined_after_boot_complete_ms",
                 round(statistics.median(joined[i] - booted[i] for i in (1, 2, 3))), "ms"),
                ("cluster_dead_node_detect_ms", round((removed - killed) * 1000), "ms")] + rpc


def rpc_round_trips_ms(shell, count, size):
    out = shell.run(f"nodes ping node2 {count} {size}", timeout=300)
    times = [float(m) for l in out for m in re.findall(rf"bytes={size} time=([\d.]+) ms", l)]
    if len(times) != count:
        raise TestFailure(f"nodes ping answered {len(times)} of {count}: {out[-3:]!r}")
    return times


def rpc_benchmarks(shell):
    null_ms = statistics.median(rpc_round_trips_ms(shell, 50, 0))
    echo_ms = statistics.median(rpc_round_trips_ms(shell, 20, 65536))
    return [("cluster_rpc_null_rtt_us", round(null_ms * 1000), "us"),
            ("cluster_rpc_64k_echo_kib_per_s", round(2 * 64 / (echo_ms / 1000)), "KiB/s")]


def tftp_fetch_kib_per_s(lan_path, server_ip, name, block_size=1468):
    """Fetches name from the boot server's TFTP with the test's own LAN port (a
    lock-step client: ACK each block as it comes); KiB/s of file data."""
    client_port = 40070
    with LanPort(lan_path) as lan:
        mac = lan.resolve(server_ip)
        if mac is None:
            raise TestFailure("the boot server does not answer ARP")

        def send(port, payload):
            lan.send(ethernet(mac, ETH_IPV4, ipv4(server_ip, 17, udp_datagram(client_port, server_ip, port, payload))))

        def receive():
            def is_ours(frame):
                if len(frame) < 42 or frame[12:14] != b"\x08\x00" or frame[23] != 17 or frame[26:30] != server_ip:
                    return False
                ihl = (frame[14] & 0x0F) * 4
                return struct.unpack("!H", frame[14 + ihl + 2:14 + ihl + 4])[0] == client_port
            frame = lan.receive(is_ours, 10)
            if frame is None:
                raise TestFailure("the TFTP server went silent")
            ihl = (frame[14] & 0x0F) * 4
            return struct.unpack("!H", frame[14 + ihl:14 + ihl + 2])[0], frame[14 + ihl + 8:]

        start = time.monotonic()
        send(69, struct.pack("!H", 1) + name.encode() + b"\0octet\0blksize\0" + str(block_size).encode() + b"\0")
        port, payload = receive()
        if struct.unpack("!H", payload[:2])[0] != 6:
            raise TestFailure(f"no OACK: {payload[:40]!r}")
        send(port, struct.pack("!HH", 4, 0))
        received, expected = 0, 1
        while True:
            _, payload = receive()
            opcode, block = struct.unpack("!HH", payload[:4])
            if opcode != 3:
                raise TestFailure(f"TFTP error during the transfer: {payload!r}")
            if block != expected & 0xFFFF:
                continue  # a resend of the previous block
            received += len(payload) - 4
            send(port, struct.pack("!HH", 4, block))
            expected += 1
            if len(payload) - 4 < block_size:
                break
        return round(received / 1024 / (time.monotonic() - start))


def netboot_benchmarks(ctx):
    """Network boot served by node 1: milliseconds from a node's QEMU start to
    `cluster: node<N> joined` for a netbooted node and for a node booted from the
    ISO (both joining a running cluster, added one after the other), and the TFTP
    rate of the kernel's boot server for the 3 MiB initrd, fetched by the test's
    own LAN port."""
    with Cluster(ctx.build, "bench_netboot", nodes=1, netboot=True) as cluster:
        wait_for_log_line(cluster.dir / "node1.log", "cluster: node1 joined", 240)
        joined = {}
        for i, how in ((2, ["--no-netboot"]), (3, [])):
            cluster.run_tool("add", *how)
            start = process_start_seconds(cluster.pid(i))
            seen = wait_for_log_line(cluster.dir / f"node{i}.log", f"cluster: node{i} joined", 400)
            joined[i] = (seen - start) * 1000
            print(f"# node{i} ({'ISO' if how else 'network boot'}): joined {joined[i]:.0f} ms after QEMU start",
                  flush=True)
        rate = tftp_fetch_kib_per_s(cluster.dir / "lan", ip_bytes(node_ip(1)), "boot/initrd.cpio")
        return [("netboot_boot_to_joined_ms", round(joined[3]), "ms"),
                ("iso_boot_to_joined_ms", round(joined[2]), "ms"),
                ("netboot_tftp_kib_per_s", rate, "KiB/s")]


PROBES = [
    ("boot time, SeaBIOS", boot_time("bios")),
    ("boot time, OVMF", boot_time("uefi", "_uefi")),
    ("in-kernel benchmarks", kernel_benchmarks),
    ("user-space benchmarks", user_benchmarks),
    ("network, two nodes", network_benchmarks),
    ("cluster simulation, convergence", cluster_simulation),
    ("cluster, three nodes", cluster_benchmarks),
    ("network boot", netboot_benchmarks),
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
