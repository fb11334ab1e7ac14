#!/usr/bin/python3
# Cluster membership on the real LAN (issue 5, docs/cluster.md), in one cluster
# boot: three nodes of a tools/cluster LAN find each other by broadcast beacons,
# join under the development key, and each one's `nodes` lists all three `up`
# with their features (node 3 runs a different -cpu model, so its feature list
# differs); after `tools/cluster kill 3` the survivors drop node 3. Then a node
# with the wrong key is refused and never listed, a beacon with a forged tag is
# refused by node 1, and node 3 booted again rejoins. Along the way programs make
# authenticated RPC round trips between the kernels (`nodes ping`): null calls
# and 64 KiB echoes to members, EHOSTDOWN for a node that left.
# Run alone: tests/system/test_cluster_membership.py --build build [NAME...]
import re
import struct
import time

from harness import Cluster, check, main, strip_ansi
from lan_port import ETH_IPV4, HOST_IP, LanPort, checksum, ethernet, ip_bytes, ipv4
from test_network import NODE_MAC, Shell, node_ip, wait_until_up

HEADER = ["NODE", "ADDR", "STATE", "CPUS", "MEM", "LOAD", "FEATURES"]
CLUSTER_PORT = 7077  # UDP: beacons, joins, views, heartbeats
WRONG_KEY = "00112233445566778899"
REFUSED = "authentication failed (wrong cluster key or forged)"


def parse_nodes(out):
    """`nodes` output -> {name: (addr, state, features)}; checks the header."""
    check(out and out[0].split() == HEADER, f"nodes printed no DESIGN §4 header: {out!r}")
    rows = {}
    for line in out[1:]:
        fields = line.split()
        if len(fields) >= 7 and fields[0].startswith("node"):
            rows[fields[0]] = (fields[1], fields[2], fields[6])
    return rows


def wait_for_members(shell, wanted, attempts=30):
    """Runs `nodes` until wanted(rows) holds (a bounded number of tries, a
    second apart); returns the last rows."""
    rows = {}
    for _ in range(attempts):
        out = shell.run("nodes")
        if out and out[0].split() == HEADER:
            rows = parse_nodes(out)
            if wanted(rows):
                return rows
        shell.run("sleep 1")
    return rows


def is_up(rows, i):
    return rows.get(f"node{i}", ("", ""))[1] == "up"


def log_text(cluster, i):
    return strip_ansi((cluster.dir / f"node{i}.log").read_text(errors="replace"))


def udp_datagram(source_port, destination_ip, destination_port, payload):
    """A UDP header and payload from the test's LAN port, with its checksum."""
    length = 8 + len(payload)
    pseudo = HOST_IP + destination_ip + struct.pack("!BBH", 0, 17, length)
    header = struct.pack("!HHHH", source_port, destination_port, length, 0)
    total = checksum(pseudo + header + payload) or 0xFFFF
    return struct.pack("!HHHH", source_port, destination_port, length, total) + payload


def sniff_cluster_datagram(lan, source_ip, timeout=30):
    """The UDP payload of the next cluster datagram source_ip sends that the test's
    port sees (node 1's beacons are broadcast, one a second), or None."""
    def is_cluster_datagram(frame):
        if len(frame) < 42 or struct.unpack("!H", frame[12:14])[0] != ETH_IPV4 or frame[23] != 17:
            return False
        ihl = (frame[14] & 0x0F) * 4
        return frame[26:30] == source_ip and \
            struct.unpack("!H", frame[14 + ihl + 2:14 + ihl + 4])[0] == CLUSTER_PORT
    frame = lan.receive(is_cluster_datagram, timeout)
    if frame is None:
        return None
    ihl = (frame[14] & 0x0F) * 4
    return frame[14 + ihl + 8:]


def all_three_listed(cluster, shells):
    """Every node's `nodes` shows the three members up at their addresses, node 3's
    CPU features differing from node 1's; node 1's /proc/cluster/nodes has the tags."""
    all_up = lambda rows: all(is_up(rows, i) for i in (1, 2, 3))
    for i, shell in enumerate(shells, start=1):
        rows = wait_for_members(shell, all_up)
        check(all_up(rows) and len(rows) == 3, f"node {i}'s nodes: {rows!r}")
        for j in (1, 2, 3):
            check(rows[f"node{j}"][0] == node_ip(j), f"node {i} shows node{j} at {rows[f'node{j}']!r}")
        check("fpu" in rows["node1"][2].split(","), f"node1's features lack fpu: {rows['node1']!r}")
        check(rows["node1"][2] != rows["node3"][2],
              f"node 3 (qemu64) advertises the same features as node 1 (max): {rows!r}")
    out = shells[0].run("cat /proc/cluster/nodes")
    check(any(l.startswith("node=2 addr=10.77.0.2 state=up cpus=1 mem_mib=") and "tags=disk" in l
              for l in out), f"/proc/cluster/nodes on node 1: {out!r}")


def rpc_ping(shell, target, count, size=0):
    """`nodes ping` from shell: (answered calls, output lines, exit status)."""
    out = shell.run(f"nodes ping {target} {count} {size}; echo status $?", timeout=120)
    answered = sum(1 for l in out if re.match(rf"reply from {target}: call=\d+ bytes={size} time=", l))
    status = out[-1] if out else ""
    return answered, out, status


def rpc_between_members(shells):
    """Null calls and 64 KiB echoes between the kernels, each checked on return;
    this node itself and a number nobody holds are errors, not hangs."""
    answered, out, status = rpc_ping(shells[0], "node2", 3)
    check(answered == 3 and status == "status 0", f"null RPC node1 -> node2: {out!r}")
    answered, out, status = rpc_ping(shells[1], "node3", 2, 65536)
    check(answered == 2 and status == "status 0", f"64 KiB echo node2 -> node3: {out!r}")
    check(any(re.search(r"rtt min/avg/max = [\d.]+/[\d.]+/[\d.]+ ms, [\d.]+ KiB/s", l) for l in out),
          f"no round-trip summary: {out!r}")
    answered, out, status = rpc_ping(shells[0], "node1", 1)
    check(answered == 0 and status == "status 1" and any("Invalid argument" in l for l in out),
          f"RPC to this node itself: {out!r}")
    answered, out, status = rpc_ping(shells[0], "node9", 1)
    check(answered == 0 and status == "status 1" and any("Host is down" in l for l in out),
          f"RPC to a node nobody holds: {out!r}")


def node3_killed(cluster, shells):
    """`tools/cluster kill 3`: node 1 stops showing node 3 up and logs it removed;
    node 2's view drops it."""
    cluster.run_tool("kill", "3")
    # Dead after 5 s of silence (docs/cluster.md); polled, not timed.
    gone = lambda rows: not is_up(rows, 3) and is_up(rows, 1) and is_up(rows, 2)
    rows = wait_for_members(shells[0], gone)
    check(gone(rows), f"node 1 still shows node 3 up after it was killed: {rows!r}")
    cluster.wait_for_log(1, "cluster: node3 removed (dead)", timeout=60)
    rows = wait_for_members(shells[1], lambda r: "node3" not in r and len(r) == 2)
    check("node3" not in rows and len(rows) == 2, f"node 2's view after the kill: {rows!r}")
    answered, out, status = rpc_ping(shells[1], "node3", 1)
    check(answered == 0 and status == "status 1" and any("Host is down" in l for l in out),
          f"RPC to the killed node 3: {out!r}")


def stranger_refused_and_node3_rejoins(cluster, shells):
    """Node 4 boots with the wrong key while node 3 boots again (both at once: one
    wait for two boots). Node 4 cannot authenticate the cluster's beacons, so it
    refuses them (its log says so) and never joins; node 1 never lists it. A joiner
    speaks only after a beacon it trusts, so node 1's own refusal is shown with a
    beacon of node 1's whose tag the test flips, sent back to node 1 from the LAN.
    Node 3, a new boot with its old number and address, is admitted again."""
    cluster.run_tool("add", "--node", "4", "--cmdline", f"key={WRONG_KEY}")
    cluster.run_tool("add", "--node", "3")
    status = cluster.run_tool("status").stdout
    for i in (1, 2, 3, 4):
        check(f"node{i}: running" in status, f"tools/cluster status after the adds: {status!r}")

    cluster.wait_for_log(4, "cluster: refused", timeout=240)
    check(REFUSED in log_text(cluster, 4), "node 4's refusal is not an authentication failure (see node4.log)")
    check("joined" not in log_text(cluster, 4), "node 4 joined with the wrong key (see node4.log)")

    # Node 3's second life: its log starts afresh with this boot.
    cluster.wait_for_log(3, "cluster: node3 joined unum", timeout=240)
    rows = wait_for_members(shells[0], lambda r: all(is_up(r, i) for i in (1, 2, 3)), attempts=60)
    check(all(is_up(rows, i) for i in (1, 2, 3)), f"node 1's nodes after node 3 rebooted: {rows!r}")
    check(log_text(cluster, 1).count("admitted node3") >= 2,
          "node 1 did not log admitting node 3 a second time (see node1.log)")
    # Checked after node 4 refused the cluster and several join rounds later.
    check("node4" not in rows, f"node 1 lists the node with the wrong key: {rows!r}")
    answered, out, status = rpc_ping(shells[0], "node3", 2)
    check(answered == 2 and status == "status 0", f"null RPC to node 3's second life: {out!r}")

    refusals = lambda: log_text(cluster, 1).count("cluster: refused")
    before = refusals()
    with LanPort(cluster.dir / "lan") as lan:
        node1 = ip_bytes(node_ip(1))
        for _ in range(10):  # refusals are logged at most once a second: retry, bounded
            beacon = sniff_cluster_datagram(lan, node1)
            check(beacon is not None and beacon[:4] == b"UNUM", f"no cluster datagram from node 1: {beacon!r}")
            forged = beacon[:-1] + bytes([beacon[-1] ^ 1])  # the last byte of the tag
            lan.send(ethernet(NODE_MAC[1], ETH_IPV4,
                              ipv4(node1, 17, udp_datagram(CLUSTER_PORT, node1, CLUSTER_PORT, forged))))
            for _ in range(20):
                if refusals() > before:
                    break
                time.sleep(0.1)
            if refusals() > before:
                break
    check(refusals() > before, "node 1 logged no refusal of the forged beacon (see node1.log)")
    last = log_text(cluster, 1).split("cluster: refused")[-1].split("\n")[0]
    check(REFUSED in last, f"node 1's refusal is not an authentication failure: {last!r}")
    rows = wait_for_members(shells[0], lambda r: all(is_up(r, i) for i in (1, 2, 3)) and len(r) == 3)
    check(sorted(rows) == ["node1", "node2", "node3"] and all(is_up(rows, i) for i in (1, 2, 3)),
          f"node 1's nodes at the end: {rows!r}")


def three_nodes_form_a_cluster_lose_one_and_take_it_back(build):
    """One cluster through its life: formed, node 3 lost, a stranger refused,
    node 3 back."""
    extra = ("--cpu", "1=max", "--cpu", "2=max", "--cpu", "3=qemu64", "--cmdline", "tags=disk")
    with Cluster(build, "cluster_membership", nodes=3, extra=extra) as cluster:
        for i in (1, 2, 3):
            wait_until_up(cluster, i)
        cluster.wait_for_log(1, "cluster: node1 joined unum")
        shells = [Shell(cluster, i) for i in (1, 2, 3)]
        try:
            all_three_listed(cluster, shells)
            rpc_between_members(shells)
            shells[2].close()
            node3_killed(cluster, shells)
            stranger_refused_and_node3_rejoins(cluster, shells)
        finally:
            for shell in shells:
                shell.close()


TESTS = {
    "three_nodes_form_a_cluster_lose_one_and_take_it_back": three_nodes_form_a_cluster_lose_one_and_take_it_back,
}

if __name__ == "__main__":
    main(TESTS)
