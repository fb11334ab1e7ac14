# A port on a test cluster's VDE LAN for the test itself: `vde_plug` joins the
# switch and turns the LAN into a byte stream on its stdin/stdout (each frame
# preceded by its length, 2 bytes big-endian). Tests use it to talk to nodes as
# a foreign host would (ARP, ICMP echo) and to throw bad frames at them. Every
# frame stays on the switch's unix socket.
import os
import select
import struct
import subprocess
import time

HOST_MAC = bytes.fromhex("525400fe0001")
HOST_IP = bytes([10, 77, 0, 250])
BROADCAST_MAC = b"\xff" * 6
ETH_ARP = 0x0806
ETH_IPV4 = 0x0800


def ip_bytes(text):
    return bytes(int(part) for part in text.split("."))


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ethernet(destination, ethertype, payload, source=HOST_MAC):
    return destination + source + struct.pack("!H", ethertype) + payload


def arp_request(target_ip):
    body = struct.pack("!HHBBH", 1, ETH_IPV4, 6, 4, 1) + HOST_MAC + HOST_IP + b"\0" * 6 + target_ip
    return ethernet(BROADCAST_MAC, ETH_ARP, body)


def ipv4(destination_ip, protocol, payload, ttl=64, ident=1):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, 0, ttl, protocol, 0,
                         HOST_IP, destination_ip)
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def icmp_echo(ident, sequence, data):
    message = struct.pack("!BBHHH", 8, 0, 0, ident, sequence) + data
    return message[:2] + struct.pack("!H", checksum(message)) + message[4:]


class LanPort:
    def __init__(self, lan_path):
        self.process = subprocess.Popen(["vde_plug", str(lan_path)], stdin=subprocess.PIPE,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        self.buffer = b""

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=10)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False

    def send(self, frame):
        self.process.stdin.write(struct.pack("!H", len(frame)) + frame)
        self.process.stdin.flush()

    def receive(self, accept, timeout):
        """The first frame for which accept(frame) is true, or None after timeout seconds."""
        deadline = time.monotonic() + timeout
        while True:
            while len(self.buffer) >= 2:
                length = struct.unpack("!H", self.buffer[:2])[0]
                if len(self.buffer) < 2 + length:
                    break
                frame, self.buffer = self.buffer[2:2 + length], self.buffer[2 + length:]
                if accept(frame):
                    return frame
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            ready, _, _ = select.select([self.process.stdout], [], [], left)
            if ready:
                data = os.read(self.process.stdout.fileno(), 65536)
                if not data:
                    return None
                self.buffer += data

    def resolve(self, ip, timeout=5.0, attempts=6):
        """The MAC that answers an ARP request for ip, or None."""
        def is_reply(frame):
            return (len(frame) >= 42 and struct.unpack("!H", frame[12:14])[0] == ETH_ARP
                    and struct.unpack("!H", frame[20:22])[0] == 2 and frame[28:32] == ip)
        for _ in range(attempts):
            self.send(arp_request(ip))
            reply = self.receive(is_reply, timeout / attempts)
            if reply:
                return reply[22:28]
        return None

    def ping(self, mac, ip, sequence, data=b"unum-lan-probe", timeout=5.0, interval=3.0):
        """Sends an ICMP echo request, again every interval seconds as ping does
        (a LAN may drop one, a node under a flood may drop it at a full ring);
        returns the first echo reply's payload, or None after timeout seconds."""
        ident = 0x4c41

        def is_reply(frame):
            if len(frame) < 42 or struct.unpack("!H", frame[12:14])[0] != ETH_IPV4:
                return False
            ihl = (frame[14] & 0x0F) * 4
            icmp = frame[14 + ihl:]
            return (frame[23] == 1 and frame[26:30] == ip and len(icmp) >= 8 and icmp[0] == 0
                    and struct.unpack("!HH", icmp[4:8]) == (ident, sequence))
        request = ethernet(mac, ETH_IPV4, ipv4(ip, 1, icmp_echo(ident, sequence, data), ident=sequence))
        deadline = time.monotonic() + timeout
        reply = None
        while not reply:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.send(request)
            reply = self.receive(is_reply, min(interval, left))
        ihl = (reply[14] & 0x0F) * 4
        return reply[14 + ihl + 8:]
