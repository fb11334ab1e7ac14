#!/usr/bin/python3
# Network boot served by the cluster itself (issue 6, docs/netboot.md): node 1
# boots from the ISO and runs the boot services; node 2 has no disk and no ISO and
# boots through its NIC's PXE ROM — DHCP from node 1 (its fixed address), GRUB's
# core.0 and the kernel over TFTP — then joins the cluster under the number its
# address asks for, and starts its shell only then. `tools/cluster add` netboots
# one more node into the running cluster. From the test's own LAN port, node 1's
# TFTP server refuses a path that climbs out of the tree and serves grub.cfg.
# With admit=manual on the boot server, a netbooting machine waits on the
# pending list until an operator admits its MAC.
# Run alone: tests/system/test_netboot_cluster.py --build build [NAME...]
import re
import struct

from harness import Cluster, check, main
from lan_port import ETH_IPV4, HOST_IP, LanPort, ethernet, ip_bytes, ipv4
from test_cluster_membership import HEADER, is_up, log_text, parse_nodes, udp_datagram, wait_for_members
from test_network import Shell, node_ip, wait_until_up

NETBOOT_TIMEOUT = 400  # PXE ROM, GRUB and the kernel over TFTP, then a boot, under TCG
TFTP_PORT = 69
CLIENT_PORT = 40069


def netbooted_node_joins(cluster, i):
    """Node i (netbooted) logs the DHCP address node 1 fixed for it, joins as
    node<i> before its first user process, and node 1 logs the lease."""
    cluster.wait_for_log(i, "init: started", timeout=NETBOOT_TIMEOUT)
    log = log_text(cluster, i)
    check("command line: netboot" in log, f"node {i} did not get the netboot command line (see node{i}.log)")
    check(f"net: eth0 {node_ip(i)}/24 (dhcp)" in log, f"node {i} has no DHCP address {node_ip(i)} (see node{i}.log)")
    check(f"cluster: this is node{i}" in log, f"node {i} was not numbered node{i} (see node{i}.log)")
    check(log.index(f"cluster: this is node{i}") < log.index("init: started"),
          f"node {i} started user processes before it had a number (see node{i}.log)")
    check(f"bootserver: leased {node_ip(i)}" in log_text(cluster, 1), "node 1 logged no lease for node %d" % i)


def tftp_request(lan, node1, name):
    """Sends an RRQ for name (octet, no options) to node 1; returns (opcode, rest)
    of its answer, or None."""
    request = struct.pack("!H", 1) + name.encode() + b"\0octet\0"
    lan.send(ethernet(lan_mac(lan, node1), ETH_IPV4,
                      ipv4(node1, 17, udp_datagram(CLIENT_PORT, node1, TFTP_PORT, request))))

    def is_answer(frame):
        if len(frame) < 42 or struct.unpack("!H", frame[12:14])[0] != ETH_IPV4 or frame[23] != 17:
            return False
        ihl = (frame[14] & 0x0F) * 4
        return frame[26:30] == node1 and frame[30:34] == HOST_IP and \
            struct.unpack("!H", frame[14 + ihl + 2:14 + ihl + 4])[0] == CLIENT_PORT
    frame = lan.receive(is_answer, 30)
    if frame is None:
        return None
    ihl = (frame[14] & 0x0F) * 4
    payload = frame[14 + ihl + 8:]
    return struct.unpack("!H", payload[:2])[0], payload[2:]


_macs = {}


def lan_mac(lan, ip):
    if ip not in _macs:
        _macs[ip] = lan.resolve(ip)  # also teaches the node the test port's address
        check(_macs[ip] is not None, "node 1 does not answer ARP on the LAN")
    return _macs[ip]


def tftp_confined(cluster):
    with LanPort(cluster.dir / "lan") as lan:
        node1 = ip_bytes(node_ip(1))
        answer = tftp_request(lan, node1, "boot/../../etc/passwd")
        check(answer is not None and answer[0] == 5 and struct.unpack("!H", answer[1][:2])[0] == 2,
              f"a path out of the netboot tree was not refused with ERROR 2: {answer!r}")
        answer = tftp_request(lan, node1, "/boot/grub/grub.cfg")
        check(answer is not None and answer[0] == 3 and answer[1][:2] == b"\0\1" and b"netboot" in answer[1],
              f"grub.cfg was not served as DATA block 1: {answer!r}")


def a_node_boots_from_the_cluster_and_another_is_added(build):
    with Cluster(build, "netboot_cluster", nodes=2, netboot=True) as cluster:
        wait_until_up(cluster, 1)
        netbooted_node_joins(cluster, 2)
        one, two = Shell(cluster, 1), Shell(cluster, 2)
        try:
            rows = wait_for_members(two, lambda r: is_up(r, 1) and is_up(r, 2))
            check(is_up(rows, 1) and is_up(rows, 2), f"node 2's nodes: {rows!r}")
            out = two.run("nodes ping node1 2; echo status $?")
            check(out and out[-1] == "status 0", f"RPC from the netbooted node to node 1: {out!r}")
            out = two.run("ps")
            pids = [l.split()[0] for l in out[1:] if l.split() and l.split()[0].isdigit()]
            check(pids and all(re.fullmatch(r"2\d{5}", p) for p in pids),
                  f"node 2's processes do not carry node 2's PIDs: {out!r}")
            tftp_confined(cluster)
            out = one.run("cat /proc/net/bootserver")
            check(any(l.startswith("lease mac=52:54:00:00:00:02 address=10.77.0.2 state=bound") for l in out)
                  and any(re.match(r"tftp requests=\d+ started=\d+ files=[1-9]", l) for l in out),
                  f"/proc/net/bootserver on node 1: {out!r}")

            cluster.run_tool("add")  # node 3, by network boot
            netbooted_node_joins(cluster, 3)
            rows = wait_for_members(one, lambda r: all(is_up(r, i) for i in (1, 2, 3)), attempts=60)
            check(all(is_up(rows, i) for i in (1, 2, 3)), f"node 1's nodes after the add: {rows!r}")
        finally:
            one.close()
            two.close()


def a_machine_waits_until_an_operator_admits_it(build):
    """admit=manual on node 1: node 2's PXE requests go unanswered and it is listed
    by `nodes pending` until `nodes admit` on node 1; then it boots — its grub.cfg
    carrying the cluster's own key — and joins."""
    mac = "52:54:00:00:00:02"
    # A key of this cluster's own: node 2 can only join if its grub.cfg carried it.
    extra = ("--cmdline", "admit=manual key=0123456789abcdef0123")
    with Cluster(build, "netboot_admission", nodes=2, netboot=True, extra=extra) as cluster:
        wait_until_up(cluster, 1)
        cluster.wait_for_log(1, f"bootserver: {mac} asks to boot", timeout=NETBOOT_TIMEOUT)
        one = Shell(cluster, 1)
        try:
            out = one.run("nodes pending; echo status $?")
            check(out and out[0].split() == ["MAC", "SERVER", "WAITING", "REQUESTS"] and
                  any(l.split()[:2] == [mac, "node1"] for l in out[1:]), f"nodes pending: {out!r}")
            check("Unum " not in log_text(cluster, 2), "node 2 booted before it was admitted")
            out = one.run(f"nodes admit {mac}; echo status $?")
            check(out[-2:] == [f"admitted {mac}", "status 0"], f"nodes admit: {out!r}")
            netbooted_node_joins(cluster, 2)
            check("command line: netboot key=0123456789abcdef0123" in log_text(cluster, 2),
                  "node 2's netboot configuration did not carry the cluster's key (see node2.log)")
            out = one.run("nodes pending")
            check(not any(mac in l for l in out), f"node 2 is still pending after it booted: {out!r}")
            out = one.run(f"nodes admit {mac}; echo status $?")
            check(out[-1] == "status 1" and any("already admitted" in l for l in out), f"admitting twice: {out!r}")
            rows = wait_for_members(one, lambda r: is_up(r, 1) and is_up(r, 2))
            check(is_up(rows, 2), f"node 1's nodes after the admission: {rows!r}")
        finally:
            one.close()


def a_uefi_machine_boots_from_the_cluster(build):
    """Node 2 under OVMF: its PXE ROM asks as EFI x86-64 (option 93 = 7), gets
    core.efi, and the kernel it loads joins as node2."""
    with Cluster(build, "netboot_uefi", nodes=2, netboot=True, extra=("--uefi", "2")) as cluster:
        wait_until_up(cluster, 1)
        netbooted_node_joins(cluster, 2)
        check("console: framebuffer" in log_text(cluster, 2),
              "node 2 did not boot under UEFI (no framebuffer console; see node2.log)")
        rows = wait_for_members(Shell(cluster, 1), lambda r: is_up(r, 1) and is_up(r, 2))
        check(is_up(rows, 2), f"node 1's nodes with the UEFI node: {rows!r}")


TESTS = {
    "a_node_boots_from_the_cluster_and_another_is_added": a_node_boots_from_the_cluster_and_another_is_added,
    "a_uefi_machine_boots_from_the_cluster": a_uefi_machine_boots_from_the_cluster,
    "a_machine_waits_until_an_operator_admits_it": a_machine_waits_until_an_operator_admits_it,
}

if __name__ == "__main__":
    main(TESTS)
