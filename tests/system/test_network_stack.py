#!/usr/bin/python3
# Issue 4, the TCP/IP stack (lwIP): the loopback self-tests pass with and without a
# NIC; eth0 takes its address from ip= (static) or from slirp's DHCP server; a bad
# ip= is refused and logged, not fatal; the monitor's `net` shows the interfaces in
# the /proc/net/interfaces format. QEMU user networking only with restrict=on:
# nothing leaves the machine.
import re
import socket
import time
import tty

from harness import Node, check, main, run_selftest, strip_ansi

# slirp hands out 10.0.2.15 and routes through 10.0.2.2; restrict=on keeps it private.
NIC = ["-netdev", "user,id=n0,restrict=on", "-device", "e1000,netdev=n0,mac=52:54:00:12:34:56"]
PROMPT = "monitor> "
ROOT_PROMPT = "node1:/# "
BOOT = 300


def net_selftests_passed(node):
    text = node.transcript()
    for name in ["a UDP datagram goes through 127.0.0.1", "a TCP connection over 127.0.0.1",
                 "eth0, when present, is an up lwIP netif"]:
        check(re.search(r"^ok \d+ - net: " + re.escape(name), text, re.M),
              f"no passing self-test 'net: {name}'")


def selftest_loopback_without_nic(build):
    with Node(build, "net_selftest_no_nic", cmdline="selftest panic=exit") as node:
        run_selftest(node)
        net_selftests_passed(node)
        check("net: lwIP" in node.transcript(), "the stack did not log that it started")


def selftest_static_address(build):
    with Node(build, "net_selftest_static", cmdline="selftest panic=exit ip=10.0.2.15/24 gateway=10.0.2.2",
              extra_args=NIC) as node:
        node.expect_exact("net: eth0 10.0.2.15/24 (static)", timeout=BOOT)
        run_selftest(node)
        net_selftests_passed(node)


def static_address_without_nic(build):
    with Node(build, "net_static_no_nic", cmdline="init=none panic=exit ip=10.77.0.1/24") as node:
        node.expect_exact("net: ip= given but there is no network device", timeout=BOOT)
        node.expect_exact("unum: boot complete", timeout=BOOT)


def bad_ip_falls_back_to_dhcp(build):
    with Node(build, "net_bad_ip", cmdline="init=none panic=exit ip=10.0.2.300/24", extra_args=NIC) as node:
        node.expect(r"net: ignoring ip=10\.0\.2\.300/24", timeout=BOOT, what="the bad ip= logged")
        node.expect_exact("net: eth0 10.0.2.15/24 (dhcp)", timeout=BOOT)


def dhcp_lease_and_monitor(build):
    with Node(build, "net_dhcp", cmdline="init=none panic=exit", extra_args=NIC) as node:
        # Without node= the boot waits for a cluster number (founding here, with
        # no other node), and the cluster waits for the address: the lease comes first.
        node.expect_exact("net: eth0 10.0.2.15/24 (dhcp)", timeout=BOOT)
        node.expect_exact("unum: boot complete", timeout=BOOT)
        node.send("net\r")
        node.expect(r"name=eth0 [^\r\n]*tx_dropped=\d+", what="the eth0 line of `net`")
        eth0 = node.child.match.group(0)
        node.expect_exact(PROMPT)
        lo = re.search(r"name=lo [^\r\n]*tx_dropped=\d+", node.transcript())
        check(lo, "`net` shows no lo line")
        check(lo.group(0).startswith("name=lo mac=00:00:00:00:00:00 inet=127.0.0.1 netmask=255.0.0.0 "),
              f"unexpected lo line: {lo.group(0)!r}")
        # With restrict=on slirp's DHCP offers no router option, hence no gateway.
        expected = ("name=eth0 mac=52:54:00:12:34:56 inet=10.0.2.15 netmask=255.255.255.0 gateway=0.0.0.0 "
                    "mtu=1500 link=up config=dhcp rx_packets=")
        check(eth0.startswith(expected), f"unexpected eth0 line: {eth0!r}")
        keys = re.findall(r"(\w+)=", eth0)
        check(keys == ["name", "mac", "inet", "netmask", "gateway", "mtu", "link", "config", "rx_packets",
                       "rx_bytes", "rx_errors", "rx_dropped", "tx_packets", "tx_bytes", "tx_errors",
                       "tx_dropped"], f"keys out of order: {keys}")
        rx = int(re.search(r"rx_packets=(\d+)", eth0).group(1))
        tx = int(re.search(r"tx_packets=(\d+)", eth0).group(1))
        check(rx >= 2 and tx >= 2, f"a DHCP exchange took place but the counters say rx={rx} tx={tx}")


def proc_net_interfaces(build):
    """A program reads /proc/net/interfaces: lo first, then eth0 with ip=."""
    with Node(build, "net_proc_interfaces", cmdline="init=/bin/init panic=exit ip=10.0.2.15/24 gateway=10.0.2.2",
              extra_args=NIC) as node:
        tty.setraw(node.child.child_fd)
        node.expect_exact(ROOT_PROMPT, timeout=BOOT)
        node.send("cat /proc/net/interfaces\r")
        node.expect_exact(ROOT_PROMPT)
        text = strip_ansi(node.child.before).replace("\r", "")
        lines = [l for l in text.split("\n") if l.startswith("name=")]
        check(len(lines) == 2, f"expected two interface lines, got {lines!r}")
        check(lines[0].startswith("name=lo mac=00:00:00:00:00:00 inet=127.0.0.1 "), f"first line: {lines[0]!r}")
        check(lines[1].startswith("name=eth0 mac=52:54:00:12:34:56 inet=10.0.2.15 netmask=255.255.255.0 "
                                  "gateway=10.0.2.2 mtu=1500 link=up config=static rx_packets="),
              f"second line: {lines[1]!r}")
        node.send("ls /proc/net\r")
        node.expect_exact(ROOT_PROMPT)
        check("interfaces" in node.child.before, f"ls /proc/net: {node.child.before!r}")


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def iperf_stream_through_e1000(build):
    """16 MiB from the host, through slirp's port forward (on 127.0.0.1 only) and
    the e1000, into lwiperf: every byte is counted."""
    port = free_port()
    nic = ["-netdev", f"user,id=n0,restrict=on,hostfwd=tcp:127.0.0.1:{port}-10.0.2.15:5001",
           "-device", "e1000,netdev=n0,mac=52:54:00:12:34:56"]
    total = 16 * 1024 * 1024
    with Node(build, "net_iperf_stream", cmdline="init=none panic=exit iperf ip=10.0.2.15/24", extra_args=nic) as node:
        node.expect_exact("iperf: server listening on port 5001", timeout=BOOT)
        node.expect_exact("unum: boot complete", timeout=BOOT)
        # iperf2's header (24 bytes, no flags: no reverse test), then the data.
        with socket.create_connection(("127.0.0.1", port), timeout=60) as connection:
            connection.sendall(bytes(24))
            time.sleep(1)  # lwiperf ignores the rest of the header's segment: send it alone
            chunk = bytes(range(256)) * 256
            sent = 0
            while sent < total:
                connection.sendall(chunk)
                sent += len(chunk)
            connection.shutdown(socket.SHUT_WR)
            connection.settimeout(120)
            while connection.recv(4096):
                pass
        node.expect(r"iperf: (\w[\w ]*) from [\d.]+:\d+, (\d+) bytes", timeout=BOOT, what="the iperf report")
        outcome, received = node.child.match.group(1), int(node.child.match.group(2))
        check(outcome == "done", f"iperf test ended '{outcome}'")
        # lwiperf counts the header and skips whatever shared its segment, if the
        # header did not travel alone after all: at most one MSS less.
        check(total + 24 - 1460 < received <= total + 24, f"iperf counted {received} bytes, sent {total + 24}")


TESTS = {
    "net_selftest_no_nic": selftest_loopback_without_nic,
    "net_selftest_static": selftest_static_address,
    "net_static_no_nic": static_address_without_nic,
    "net_bad_ip": bad_ip_falls_back_to_dhcp,
    "net_dhcp": dhcp_lease_and_monitor,
    "net_proc_interfaces": proc_net_interfaces,
    "net_iperf_stream": iperf_stream_through_e1000,
}

if __name__ == "__main__":
    main(TESTS)
