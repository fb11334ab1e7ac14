#!/usr/bin/python3
"""Writes the seed inputs of tests/fuzz/netif_receive_fuzz.cpp into
tests/fuzz/corpus/netif_receive_fuzz/: valid conversations with the harness's
netif (52:54:00:00:00:01, 10.77.0.1/24) from a peer 52:54:00:00:00:02 at
10.77.0.2. Each record is [length (2 bytes, big-endian), clock step (x 100 ms)]
and the frame. Run it again after changing the harness's input format."""
import pathlib
import struct

OUT = pathlib.Path(__file__).resolve().parents[0] / "corpus" / "netif_receive_fuzz"
US_MAC = bytes.fromhex("525400000001")
PEER_MAC = bytes.fromhex("525400000002")
BROADCAST_MAC = b"\xff" * 6
US_IP = bytes([10, 77, 0, 1])
PEER_IP = bytes([10, 77, 0, 2])
SERVER_IP = bytes([10, 77, 0, 254])
OFFERED_IP = bytes([10, 77, 0, 9])
FIRST_DHCP_XID = 0x9E3779B9  # lwip_host_rand()'s first value: the DISCOVER's xid
TCP_ISN = 0x00010000         # LWIP_HOOK_TCP_ISN in lwip_host/include/lwipopts.h
ECHO_PORT = 7


def checksum(data):
    if len(data) % 2:
        data += b"\0"
    total = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total >> 16:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF


def ethernet(destination, ethertype, payload, source=PEER_MAC):
    return destination + source + struct.pack("!H", ethertype) + payload


def ipv4(protocol, payload, source=PEER_IP, destination=US_IP, ident=1, fragment=0):
    header = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident, fragment, 64,
                         protocol, 0, source, destination)
    header = header[:10] + struct.pack("!H", checksum(header)) + header[12:]
    return header + payload


def arp_request(target=US_IP):
    body = struct.pack("!HHBBH6s4s6s4s", 1, 0x0800, 6, 4, 1, PEER_MAC, PEER_IP, b"\0" * 6, target)
    return ethernet(BROADCAST_MAC, 0x0806, body)


def icmp_echo(payload=b"unum ping"):
    message = struct.pack("!BBHHH", 8, 0, 0, 0x1234, 1) + payload
    message = message[:2] + struct.pack("!H", checksum(message)) + message[4:]
    return ethernet(US_MAC, 0x0800, ipv4(1, message))


def pseudo_header(protocol, length, source=PEER_IP, destination=US_IP):
    return source + destination + struct.pack("!BBH", 0, protocol, length)


def udp(payload, source_port=5000, destination_port=ECHO_PORT, source=PEER_IP, destination=US_IP):
    segment = struct.pack("!HHHH", source_port, destination_port, 8 + len(payload), 0) + payload
    total = checksum(pseudo_header(17, len(segment), source, destination) + segment) or 0xFFFF
    return segment[:6] + struct.pack("!H", total) + segment[8:]


def tcp(flags, seq, ack, payload=b"", options=b"", source_port=40000):
    offset = (20 + len(options)) // 4
    segment = struct.pack("!HHIIBBHHH", source_port, ECHO_PORT, seq, ack, offset << 4, flags,
                          8192, 0, 0) + options + payload
    total = checksum(pseudo_header(6, len(segment)) + segment)
    segment = segment[:16] + struct.pack("!H", total) + segment[18:]
    return ethernet(US_MAC, 0x0800, ipv4(6, segment))


def dhcp_reply(message_type):
    fixed = struct.pack("!BBBBIHH4s4s4s4s16s64s128s", 2, 1, 6, 0, FIRST_DHCP_XID, 0, 0,
                        b"\0" * 4, OFFERED_IP, SERVER_IP, b"\0" * 4, US_MAC + b"\0" * 10,
                        b"\0" * 64, b"\0" * 128)
    options = bytes([99, 130, 83, 99,            # magic cookie
                     53, 1, message_type,
                     54, 4]) + SERVER_IP + bytes([
                     51, 4, 0, 0, 0x0E, 0x10,     # lease: an hour
                     1, 4, 255, 255, 255, 0]) + bytes([3, 4]) + SERVER_IP + bytes([255])
    datagram = udp(fixed + options, 67, 68, SERVER_IP, b"\xff" * 4)
    return ethernet(BROADCAST_MAC, 0x0800, ipv4(17, datagram, SERVER_IP, b"\xff" * 4),
                    source=bytes.fromhex("5254000000fe"))


def record(frame, step=1):
    return struct.pack("!HB", len(frame), step) + frame


SYN, FIN, PSH, ACK = 0x02, 0x01, 0x08, 0x10
MSS_OPTION = bytes([2, 4, 0x05, 0xB4])

udp_in_two = udp(b"x" * 40 + b"y" * 40)
SEEDS = {
    "arp_request": [arp_request()],
    "icmp_echo": [arp_request(), icmp_echo()],
    "tcp_syn": [tcp(SYN, 1000, 0, options=MSS_OPTION)],
    "tcp_conversation": [
        arp_request(),
        tcp(SYN, 1000, 0, options=MSS_OPTION),
        tcp(ACK, 1001, TCP_ISN + 1),
        tcp(PSH | ACK, 1001, TCP_ISN + 1, b"hello, lwIP"),
        tcp(FIN | ACK, 1012, TCP_ISN + 1 + 11),
    ],
    "udp_echo": [arp_request(), ethernet(US_MAC, 0x0800, ipv4(17, udp(b"ping")))],
    "udp_fragments": [
        arp_request(),
        ethernet(US_MAC, 0x0800, ipv4(17, udp_in_two[:48], ident=7, fragment=0x2000)),
        ethernet(US_MAC, 0x0800, ipv4(17, udp_in_two[48:], ident=7, fragment=48 // 8)),
    ],
    "dhcp_offer_ack": [dhcp_reply(2), dhcp_reply(5), arp_request(OFFERED_IP)],
}


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for name, frames in SEEDS.items():
        (OUT / name).write_bytes(b"".join(record(frame) for frame in frames))


if __name__ == "__main__":
    main()
