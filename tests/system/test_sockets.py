#!/usr/bin/python3
# Sockets, poll/select and the network programs on one node, over loopback
# (127.0.0.1): nc over TCP and UDP, a refused connection, ^C on a blocked
# `nc -l`, iperf, ping through a raw ICMP socket, ifconfig, /proc/net/stats and
# netstat, and polltest (poll
# and select on pipes; socket semantics over loopback, sendmsg/recvmsg and
# SO_LINGER). Two-node tests over
# the cluster LAN are in test_network.py.
# Run alone: tests/system/test_sockets.py --build build NAME
import re

from harness import check, main, strip_ansi
from test_shell import ROOT_PROMPT, boot

# The shell's report of a background job that ended ("[1]+  Done  nc -l ...").
JOB_NOTICE = re.compile(r"^\[\d+\][+-]?\s+(Done|Exit|Terminated|Killed)")


STATS_LINE = re.compile(r"proto=(\w+)((?: \w+=\d+)+)")
STATS_KEYS = ["xmit", "recv", "fw", "drop", "chkerr", "lenerr", "memerr", "rterr", "proterr", "opterr", "err"]


def protocol_stats(node):
    """/proc/net/stats as {proto: {key: value}}, checking its six lines."""
    out = run(node, "cat /proc/net/stats")
    lines = [STATS_LINE.fullmatch(l.strip()) for l in out]
    check(len(lines) == 6 and all(lines), f"/proc/net/stats: {out!r}")
    stats = {m.group(1): dict((k, int(v)) for k, v in (f.split("=") for f in m.group(2).split())) for m in lines}
    check(list(stats) == ["link", "etharp", "ip", "icmp", "udp", "tcp"], f"/proc/net/stats protocols: {out!r}")
    check(all(list(c) == STATS_KEYS for c in stats.values()), f"/proc/net/stats keys: {out!r}")
    return stats


def run(node, line, timeout=None):
    """Types line and Enter, waits for the next prompt, returns the output lines
    without the echoed command and without job notices."""
    node.send(line + "\r")
    node.expect_exact(ROOT_PROMPT, timeout=timeout)
    text = strip_ansi(node.child.before).replace("\r", "")
    return [l for l in text.split("\n")[1:] if l.strip() and not JOB_NOTICE.match(l)]


# polltest lines that must be there (not merely absent as FAIL): the
# sendmsg/recvmsg and SO_LINGER checks.
POLLTEST_REQUIRED = [
    "ok - sendmsg: UDP gathers three iovecs into one datagram",
    "ok - recvmsg: UDP scatters the datagram over two iovecs",
    "ok - recvmsg: msg_name is the UDP sender",
    "ok - recvmsg: a datagram cut to the buffer sets MSG_TRUNC",
    "ok - sendmsg: more than IOV_MAX iovecs is EMSGSIZE",
    "ok - sendmsg: a bad msg_iov is EFAULT",
    "ok - sendmsg: ancillary data is EINVAL",
    "ok - sendmsg: TCP gathers three iovecs",
    "ok - recvmsg: TCP scatters over three iovecs (MSG_WAITALL)",
    "ok - SO_LINGER: close with l_linger 0 resets; the peer sees ECONNRESET",
    "ok - SO_LINGER: close waits l_linger seconds for unacknowledged data",
    "ok - SO_LINGER: after the wait the data still arrives",
]


def poll_and_select(build):
    node = boot(build, "poll_and_select")
    try:
        out = run(node, "polltest", timeout=120)
        failed = [l for l in out if l.startswith("FAIL")]
        check(not failed, f"polltest failures: {failed!r}")
        missing = [l for l in POLLTEST_REQUIRED if l not in out]
        check(not missing, f"polltest did not print {missing!r}: {out!r}")
        check(out and out[-1] == "polltest: all passed", f"polltest printed {out!r}")
    finally:
        node.stop()


def sockets_loopback(build):
    node = boot(build, "sockets_loopback")
    try:
        out = run(node, "ifconfig lo")
        text = "\n".join(out)
        check(re.search(r"^lo: flags=\d+<UP,LOOPBACK,RUNNING>", text, re.M), f"ifconfig lo: {out!r}")
        check("inet 127.0.0.1" in text and "RX packets" in text and "TX errors" in text, f"ifconfig lo: {out!r}")
        out = run(node, "ifconfig nosuch0; echo status $?")
        check(out and out[-1] == "status 1" and "nosuch0" in out[0], f"ifconfig of an unknown name: {out!r}")

        # TCP: a listener in the background, a client sending one line.
        out = run(node, "nc -l 7000 > /tmp/got &")  # a background job: stdin counts as empty
        check(len(out) == 1 and re.fullmatch(r"\[1\] \d+", out[0]), f"background nc -l: {out!r}")
        run(node, "sleep 1")
        out = run(node, "echo hello | nc 127.0.0.1 7000; echo status $?")
        check(out == ["status 0"], f"nc client: {out!r}")
        out = run(node, "sleep 1; jobs")
        check(out == [], f"nc -l did not end after the client closed: {out!r}")
        out = run(node, "cat /tmp/got")
        check(out == ["hello"], f"TCP transfer: {out!r}")

        # UDP the same way; the UDP listener runs until killed.
        run(node, "nc -u -l 7001 < /dev/null > /tmp/gotu &")
        run(node, "sleep 1")
        out = run(node, "echo hello udp | nc -u 127.0.0.1 7001; echo status $?")
        check(out == ["status 0"], f"nc -u client: {out!r}")
        run(node, "sleep 1")
        out = run(node, "cat /tmp/gotu")
        check(out == ["hello udp"], f"UDP transfer: {out!r}")
        run(node, "kill %1")

        out = run(node, "nc 127.0.0.1 7999; echo status $?")
        check(out and out[-1] == "status 1" and "refused" in " ".join(out), f"refused connection: {out!r}")
        out = run(node, "nc -z 127.0.0.1 7999; echo status $?")
        check(out == ["status 1"], f"nc -z of a closed port: {out!r}")

        # ^C ends a listener blocked in accept().
        node.send("nc -l 7002\r")
        node.expect(r"nc -l 7002\r*\n", what="the echo of `nc -l 7002`")
        node.send("\x03")
        node.expect_exact(ROOT_PROMPT, timeout=30)

        # iperf over loopback: the client's report, and the server's for the same connection.
        run(node, "iperf -s > /tmp/iperf.out &")
        run(node, "sleep 1")
        out = run(node, "iperf -c 127.0.0.1 -t 2", timeout=60)
        # The window lines come from SO_SNDBUF / SO_RCVBUF: lwIP's 16-segment buffers.
        check("TCP window size: 22.8 KByte (default)" in out, f"iperf -c window: {out!r}")
        check(any(re.search(r"\[\s*3\]\s+0\.0-\s*\d+\.\d sec .*Bytes .*bits/sec", l) for l in out), f"iperf -c: {out!r}")
        run(node, "sleep 1")
        out = run(node, "cat /tmp/iperf.out; kill %1")
        check("TCP window size: 22.8 KByte (default)" in out, f"iperf -s window: {out!r}")
        check(any(re.search(r"\[\s*4\]\s+0\.0-\s*\d+\.\d sec .*Bytes .*bits/sec", l) for l in out), f"iperf -s: {out!r}")

        before = protocol_stats(node)
        out = run(node, "ping -c 2 127.0.0.1; echo status $?", timeout=60)
        text = "\n".join(out)
        check(len(re.findall(r"bytes from 127\.0\.0\.1: icmp_seq=\d+ ttl=\d+ time=", text)) == 2, f"ping: {out!r}")
        check("2 packets transmitted, 2 received, 0% packet loss" in text, f"ping summary: {out!r}")
        check(out[-1] == "status 0", f"ping exit status: {out!r}")
        # lwIP's ICMP saw (at least) the two echo requests come in through lo.
        after = protocol_stats(node)
        check(after["icmp"]["recv"] >= before["icmp"]["recv"] + 2, f"icmp recv: {before['icmp']} -> {after['icmp']}")
        out = run(node, "netstat -s")
        check("Icmp:" in out and "Tcp:" in out and any(re.fullmatch(r"\s+\d+ packets received", l) for l in out),
            f"netstat -s: {out!r}")
        out = run(node, "netstat -i")
        check(len(out) >= 3 and out[1].split()[0] == "Iface" and re.match(r"lo\s+\d+\s+\d+", out[2]),
            f"netstat -i: {out!r}")
    finally:
        node.stop()


TESTS = {
    "poll_and_select": poll_and_select,
    "sockets_loopback": sockets_loopback,
}

if __name__ == "__main__":
    main(TESTS)
