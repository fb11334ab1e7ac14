#!/usr/bin/python3
# The network as a user and a hostile LAN see it: nodes of a tools/cluster LAN
# (a VDE switch on unix sockets) answer ARP and ping from a foreign host (the
# test, through vde_plug), survive a flood of malformed frames, and talk to each
# other with ping, nc (16 MiB, checked; UDP) and iperf from their shells; a peer
# that vanishes mid-transfer is an error, not a hang.
# Run alone: tests/system/test_network.py --build build [NAME...]
import random
import re
import struct
import time

from harness import Cluster, check, main, strip_ansi
from lan_port import ETH_IPV4, BROADCAST_MAC, LanPort, ethernet, ip_bytes, ipv4

# A kernel log line: "[    4.119220] info: ..."
KERNEL_LOG = re.compile(r"^\[\s*\d+\.\d+\] ")

NODE_MAC = {i: bytes.fromhex(f"5254000000{i:02x}") for i in (1, 2, 3)}


def node_ip(i):
    return f"10.77.0.{i}"


def wait_until_up(cluster, i):
    cluster.wait_for_log(i, f"net: eth0 {node_ip(i)}/24")


FLOOD_BURST = 8  # bad frames sent back to back between two echoes


def malformed_frames(rng, target_mac, target_ip):
    """Frames a broken or hostile host might send: noise, runts, IPv4 headers that
    lie about their lengths, bad checksums, odd fragments, TCP and UDP to closed
    ports with random flags, ICMP of every type."""
    for _ in range(150):
        yield bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 1514)))
    for _ in range(50):
        yield ethernet(rng.choice([target_mac, BROADCAST_MAC]), ETH_IPV4,
                       bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 60))))
    for _ in range(300):
        protocol = rng.choice([1, 6, 17, rng.randint(0, 255)])
        payload = bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 200)))
        packet = bytearray(ipv4(target_ip, protocol, payload, ident=rng.randint(0, 65535)))
        damage = rng.randint(0, 5)
        if damage == 0:
            packet[2:4] = struct.pack("!H", rng.randint(0, 65535))      # total length lies
        elif damage == 1:
            packet[0] = 0x40 | rng.randint(0, 15)                        # header length lies
        elif damage == 2:
            packet[10:12] = struct.pack("!H", rng.randint(0, 65535))    # bad checksum
        elif damage == 3:
            packet[6:8] = struct.pack("!H", rng.randint(0, 65535))      # fragment flags/offset
        elif damage == 4:
            packet = packet[:rng.randint(0, len(packet))]               # truncated
        yield ethernet(target_mac, ETH_IPV4, bytes(packet))


def dropped_counts(shell):
    """Per protocol, the frames and packets the stack dropped or found bad, from
    /proc/net/stats (`proto=ip ... drop=N chkerr=N lenerr=N ...`)."""
    counts = {}
    for line in shell.run("cat /proc/net/stats"):
        fields = dict(f.split("=", 1) for f in line.split() if "=" in f)
        if "proto" in fields:
            counts[fields["proto"]] = sum(int(fields.get(k, 0)) for k in
                                          ("drop", "chkerr", "lenerr", "proterr", "opterr", "err"))
    check(set(counts) >= {"link", "ip", "tcp", "udp", "icmp"}, f"/proc/net/stats lacks protocols: {counts}")
    return counts


def host_probes_a_node(build):
    """ARP and ping from a foreign host, then 500 malformed frames in bursts with
    an echo after each: the node answers throughout, counts what it dropped
    (/proc/net/stats) and logs no crash."""
    with Cluster(build, "host_probes_a_node", nodes=1) as cluster:
        wait_until_up(cluster, 1)
        shell = Shell(cluster, 1)
        before = dropped_counts(shell)
        target = ip_bytes(node_ip(1))
        with LanPort(cluster.dir / "lan") as lan:
            mac = lan.resolve(target, timeout=30)
            check(mac == NODE_MAC[1], f"ARP for {node_ip(1)} answered with {mac!r}")
            for sequence in (1, 2, 3):
                payload = bytes(range(sequence, sequence + 56))
                reply = lan.ping(mac, target, sequence, payload, timeout=10)
                check(reply == payload, f"echo {sequence}: reply payload {reply!r}")
            # In bursts of 8 with an echo between them. The switch queues only a few
            # datagrams per port (a unix datagram socket's backlog) and drops the
            # rest, so an unpaced burst of 500 mostly never reaches the node (the
            # counters then barely move), and the echo request right after it may be
            # lost in transit. Each echo proves the node still answers and lets the
            # queues drain; lan.ping resends a lost request every 3 s.
            rng = random.Random(4)  # fixed seed: a failure replays
            frames = list(malformed_frames(rng, mac, target))
            for start in range(0, len(frames), FLOOD_BURST):
                for frame in frames[start:start + FLOOD_BURST]:
                    lan.send(frame)
                sequence = 4 + start // FLOOD_BURST
                reply = lan.ping(mac, target, sequence, b"still alive", timeout=30)
                check(reply == b"still alive", f"no echo reply after {start + FLOOD_BURST} bad frames (seq {sequence})")
        after = dropped_counts(shell)
        shell.close()
        check(sum(after.values()) >= sum(before.values()) + 100,
              f"the flood left few drops counted: before {before}, after {after}")
        log = strip_ansi((cluster.dir / "node1.log").read_text(errors="replace"))
        for bad in ("panic", "assert", "exception"):
            check(bad not in log.lower(), f"node 1 logged {bad!r} during the flood")


# ---------------------------------------------------------------- node to node

class Shell:
    """A node's serial console with its root shell."""

    def __init__(self, cluster, i):
        self.prompt = f"node{i}:/# "
        self.console = cluster.console(i)
        cluster.wait_for_log(i, "unum: boot complete")
        self.console.send("\r")
        self.console.expect_exact(self.prompt, timeout=240)
        # A prompt printed before we attached may still be queued: sync on a
        # marker line so every later run() reads exactly its own output.
        self.console.send("echo shell.ready\r")
        # (The kernel's log lines share the console and may land before the prompt.)
        self.console.expect(r"\nshell\.ready\r*\n(?:\[ *\d+\.\d+\] [^\n]*\n)*" + re.escape(self.prompt),
                            timeout=240)

    def run(self, line, timeout=120):
        """Types line, waits for the next prompt; returns the output lines (the
        kernel's log lines, which share the serial console, left out)."""
        self.start(line)
        return self.finish(line, timeout)

    def start(self, line):
        """Types line without waiting for it to finish (see finish)."""
        self.console.send(line + "\r")

    def finish(self, line, timeout=120):
        """Waits for the prompt after a start(line); returns its output lines."""
        self.console.expect_exact(self.prompt, timeout=timeout)
        text = strip_ansi(self.console.child.before).replace("\r", "")
        lines = [l for l in text.split("\n") if not KERNEL_LOG.match(l)]
        for index, echoed in enumerate(lines):  # the echo of what was typed
            if echoed.rstrip().endswith(line):
                lines = lines[index + 1:]
                break
        return [l for l in lines if l.strip()]

    def close(self):
        self.console.close()


def wait_for_output(shell, line, expected, attempts=10):
    """Runs line until it prints expected (a background job may still be busy)."""
    out = []
    for _ in range(attempts):
        out = shell.run(line)
        if out == expected:
            break
    return out


def nodes_talk_over_the_lan(build):
    """Three nodes: ping both ways, ifconfig, 16 MiB copied with nc and checked,
    a UDP datagram, iperf; then node 2's plug is pulled in the middle of a TCP
    transfer, and the sender, ping and a new connection all end in an error
    instead of hanging."""
    with Cluster(build, "nodes_talk_over_the_lan", nodes=3) as cluster:
        for i in (1, 2, 3):
            wait_until_up(cluster, i)
        one, two, three = Shell(cluster, 1), Shell(cluster, 2), Shell(cluster, 3)
        try:
            out = one.run(f"ping -c 3 {node_ip(2)}; echo status $?")
            check(out and out[-1] == "status 0", f"ping node 2 from node 1: {out!r}")
            check(sum(1 for l in out if re.search(r"icmp_seq=\d+", l)) == 3,
                  f"ping did not print three replies: {out!r}")
            for target in (1, 2):
                out = three.run(f"ping -c 1 {node_ip(target)}; echo status $?")
                check(out and out[-1] == "status 0", f"ping node {target} from node 3: {out!r}")
            out = two.run("ifconfig eth0")
            text = " ".join(out)
            check(node_ip(2) in text and "52:54:00:00:00:02" in text,
                  f"ifconfig eth0 on node 2 lacks its address or MAC: {out!r}")

            # 16 MiB of random bytes over TCP, checked end to end.
            one.run("dd if=/dev/random of=/tmp/big bs=64k count=256 2>/dev/null")
            expected = one.run("cksum < /tmp/big")
            check(expected and expected[0].endswith(" 16777216"), f"cksum of the 16 MiB file: {expected!r}")
            two.run("nc -l 7000 > /tmp/copy &")
            out = []
            for _ in range(5):  # the listener may still be starting
                out = one.run(f"nc {node_ip(2)} 7000 < /tmp/big; echo status $?", timeout=600)
                if out and out[-1] == "status 0":
                    break
            check(out and out[-1] == "status 0", f"nc to node 2: {out!r}")
            got = wait_for_output(two, "sleep 1; cksum < /tmp/copy", expected)
            check(got == expected, f"node 2 received a different file: {got!r} vs {expected!r}")
            two.run("rm /tmp/copy")

            # One UDP datagram.
            two.run("nc -u -l -w 20 7001 > /tmp/datagram &")
            got = []
            for _ in range(5):
                one.run(f"echo over udp | nc -u {node_ip(2)} 7001")
                got = two.run("sleep 1; cat /tmp/datagram")
                if got:
                    break
            check(got and got[0] == "over udp", f"node 2 received {got!r} over UDP")

            two.run("iperf -s &")
            for _ in range(5):
                out = one.run(f"iperf -c {node_ip(2)} -t 3; echo status $?", timeout=180)
                if out and out[-1] == "status 0":
                    break
            check(out and out[-1] == "status 0", f"iperf client: {out!r}")
            check(any(re.search(r"\d+(\.\d+)? [KMG]?Bytes", l) for l in out),
                  f"iperf client printed no transfer report: {out!r}")

            # A peer that vanishes in the middle of a transfer: the sender runs in
            # the foreground and node 2's plug is pulled while it sends.
            two.run("nc -l 7002 > /dev/null &")
            sender = (f"dd if=/dev/zero bs=64k count=1000000 2>/dev/null | nc -w 5 {node_ip(2)} 7002;"
                      " echo status $?")
            one.start(sender)
            time.sleep(3)
            two.close()
            cluster.run_tool("kill", "2")
            out = one.finish(sender, timeout=240)
            check(out and out[-1] == "status 1", f"the sender to a vanished peer reported {out!r}")
            out = one.run(f"ping -c 2 {node_ip(2)}; echo status $?", timeout=120)
            check(out and out[-1] == "status 1", f"ping of a dead node: {out!r}")
            out = one.run(f"nc -w 5 {node_ip(2)} 7000 < /dev/null; echo status $?", timeout=180)
            check(out and out[-1] != "status 0", f"nc to a dead node succeeded: {out!r}")
        finally:
            one.close()
            two.close()
            three.close()


TESTS = {
    "host_probes_a_node": host_probes_a_node,
    "nodes_talk_over_the_lan": nodes_talk_over_the_lan,
}

if __name__ == "__main__":
    main(TESTS)
