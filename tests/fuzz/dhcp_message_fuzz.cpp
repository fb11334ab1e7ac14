// libFuzzer target for the DHCP server: the input is decoded as one DHCP
// message (whatever decodes must re-encode to the same message, and re-encode
// identically), and replayed as a conversation with a DhcpServer — records of
//   [flags] [time step, seconds] [length, little-endian u16] [bytes]
// where flags bit 0 wraps the bytes as the options of a well-formed request
// (so the fuzzer reaches the lease logic), bits 1-3 pick one of eight MACs,
// bit 4 sets ciaddr to the range's first address plus bits 5-7. Every reply must decode, answer the request, and give
// only an address of the range or the client's fixed one; no address may be
// held by two clients. The input is also parsed as dhcp_range and dhcp_hosts.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "net/bootserver/dhcp_server.h"

using namespace net;

namespace {

constexpr Ipv4Address SERVER { { 10, 77, 0, 1 } };
constexpr DhcpAddressRange RANGE { { { 10, 77, 0, 100 } }, { { 10, 77, 0, 103 } } };

bool same_message(DhcpMessage const& a, DhcpMessage const& b)
{
    return a.op == b.op && a.htype == b.htype && a.hlen == b.hlen && a.hops == b.hops && a.xid == b.xid
        && a.secs == b.secs && a.flags == b.flags && a.ciaddr == b.ciaddr && a.yiaddr == b.yiaddr
        && a.siaddr == b.siaddr && a.giaddr == b.giaddr && memcmp(a.chaddr, b.chaddr, sizeof(a.chaddr)) == 0
        && a.server_name == b.server_name && a.boot_file == b.boot_file && a.message_type == b.message_type
        && a.subnet_mask == b.subnet_mask && a.router == b.router && a.host_name == b.host_name
        && a.broadcast_address == b.broadcast_address && a.requested_address == b.requested_address
        && a.lease_seconds == b.lease_seconds && a.server_identifier == b.server_identifier
        && a.parameter_request_list == b.parameter_request_list && a.renewal_seconds == b.renewal_seconds
        && a.rebinding_seconds == b.rebinding_seconds && a.vendor_class == b.vendor_class
        && a.client_identifier == b.client_identifier && a.tftp_server_name == b.tftp_server_name
        && a.boot_file_name == b.boot_file_name && a.client_architecture == b.client_architecture;
}

void check_round_trip(u8 const* data, size_t size)
{
    auto first = decode_dhcp_message(data, size);
    if (first.is_error())
        return;
    // A request may be longer than 576 bytes: room for every known option at 255 bytes.
    static u8 encoded[8192], again[8192];
    auto length = encode_dhcp_message(first.value(), encoded, sizeof(encoded));
    if (length.is_error())
        __builtin_trap(); // whatever decodes fits its fields and 255-byte options

    auto second = decode_dhcp_message(encoded, length.value());
    if (second.is_error() || !same_message(first.value(), second.value()))
        __builtin_trap();
    auto length_again = encode_dhcp_message(second.value(), again, sizeof(again));
    if (length_again.is_error() || length_again.value() != length.value()
        || memcmp(encoded, again, length.value()) != 0)
        __builtin_trap();
}

OwnPtr<DhcpServer> make_server()
{
    DhcpServerConfig config;
    config.server_address = SERVER;
    config.prefix_length = 24;
    config.router = { { 10, 77, 0, 254 } };
    config.range = RANGE;
    config.lease_seconds = 60;
    // MACs ..:02 and ..:03 are fixed (one of them inside the range); ..:00 to ..:07 are the clients.
    DhcpHostBlock node2 { { { 0x52, 0x54, 0, 0, 0, 2 } }, { { 10, 77, 0, 2 } }, 1 };
    DhcpHostBlock node3 { { { 0x52, 0x54, 0, 0, 0, 3 } }, { { 10, 77, 0, 101 } }, 1 };
    if (config.hosts.try_append(node2).is_error() || config.hosts.try_append(node3).is_error())
        return {};
    auto server = DhcpServer::create(std::move(config));
    if (server.is_error())
        return {};
    return server.release_value();
}

// A request header around the fuzzer's options.
usize wrap_options(u8 flags, u8 const* options, usize size, u8* out, usize capacity)
{
    if (DHCP_OPTIONS_OFFSET + size > capacity)
        size = capacity - DHCP_OPTIONS_OFFSET;
    memset(out, 0, DHCP_OPTIONS_OFFSET);
    out[0] = 1;
    out[1] = 1;
    out[2] = 6;
    out[4] = flags; // xid
    if (flags & 0x10) {
        out[12] = 10;
        out[13] = 77;
        out[14] = 0;
        out[15] = u8(100 + (flags >> 5));
    }
    u8 const mac[6] = { 0x52, 0x54, 0, 0, 0, u8((flags >> 1) & 7) };
    memcpy(out + 28, mac, 6);
    out[236] = 99;
    out[237] = 130;
    out[238] = 83;
    out[239] = 99;
    memcpy(out + DHCP_OPTIONS_OFFSET, options, size);
    return DHCP_OPTIONS_OFFSET + size;
}

void check_reply(DhcpServer const& server, u8 const* request, usize request_size, DhcpReply const& reply,
    u8 const* out, u64 now_ms)
{
    auto asked = decode_dhcp_message(request, request_size);
    auto answer = decode_dhcp_message(out, reply.size);
    if (asked.is_error() || answer.is_error() || reply.size < DHCP_MIN_MESSAGE_SIZE
        || reply.size > DHCP_MAX_MESSAGE_SIZE)
        __builtin_trap();
    DhcpMessage const& q = asked.value();
    DhcpMessage const& a = answer.value();
    if (a.op != DhcpOp::Reply || a.xid != q.xid || memcmp(a.chaddr, q.chaddr, 16) != 0
        || a.message_type != reply.type || a.server_identifier != SERVER || !q.is_ethernet())
        __builtin_trap();
    if (reply.type != DhcpMessageType::Offer && reply.type != DhcpMessageType::Ack
        && reply.type != DhcpMessageType::Nak)
        __builtin_trap();
    if (reply.type == DhcpMessageType::Nak && (!reply.is_broadcast() || a.yiaddr.to_u32() != 0))
        __builtin_trap();
    bool unicast = reply.type != DhcpMessageType::Nak && q.ciaddr.to_u32() != 0;
    if (reply.destination != (unicast ? q.ciaddr : Ipv4Address { { 255, 255, 255, 255 } })
        || reply.destination_port != DHCP_CLIENT_PORT || reply.address != a.yiaddr)
        __builtin_trap();
    if (a.yiaddr.to_u32() != 0) {
        MacAddress mac = q.hardware_address();
        bool fixed2 = mac == MacAddress { { 0x52, 0x54, 0, 0, 0, 2 } };
        bool fixed3 = mac == MacAddress { { 0x52, 0x54, 0, 0, 0, 3 } };
        Ipv4Address fixed2_address { { 10, 77, 0, 2 } }, fixed3_address { { 10, 77, 0, 101 } };
        if (fixed2 && a.yiaddr != fixed2_address)
            __builtin_trap();
        if (fixed3 && a.yiaddr != fixed3_address)
            __builtin_trap();
        if (!fixed2 && !fixed3 && (!RANGE.contains(a.yiaddr) || a.yiaddr == fixed3_address))
            __builtin_trap();
    }
    // No address held twice, and only addresses of ours.
    auto leases = server.leases(now_ms);
    if (leases.is_error())
        return;
    for (usize i = 0; i < leases.value().size(); ++i) {
        DhcpLeaseInfo const& lease = leases.value()[i];
        if (!lease.fixed && !RANGE.contains(lease.address))
            __builtin_trap();
        char line[DHCP_LEASE_LINE_CAPACITY];
        if (format_dhcp_lease_line(lease, line, sizeof(line)).is_error())
            __builtin_trap();
        for (usize j = 0; j < i; ++j) {
            if (leases.value()[j].address == lease.address)
                __builtin_trap();
        }
    }
}

void replay(u8 const* data, size_t size)
{
    OwnPtr<DhcpServer> server = make_server();
    if (!server)
        return;
    u64 now_ms = 0;
    usize at = 0;
    static u8 packet[2048];
    static u8 out[DHCP_MAX_MESSAGE_SIZE];
    while (size - at >= 4) {
        u8 flags = data[at];
        now_ms += u64(data[at + 1]) * 1000;
        usize length = usize(data[at + 2]) | (usize(data[at + 3]) << 8);
        at += 4;
        if (length > size - at)
            length = size - at;
        u8 const* bytes = data + at;
        at += length;
        usize packet_size = length < sizeof(packet) ? length : sizeof(packet);
        if (flags & 1)
            packet_size = wrap_options(flags, bytes, length, packet, sizeof(packet));
        else
            memcpy(packet, bytes, packet_size);
        // An exact-size copy, so ASan sees any read past the datagram.
        std::vector<u8> datagram(packet, packet + packet_size);
        auto reply = server->handle(datagram.data(), datagram.size(), now_ms, out, sizeof(out));
        if (reply.is_error()) {
            if (reply.error() != Error::BadMessage && reply.error() != Error::Protocol)
                __builtin_trap();
            continue;
        }
        if (reply.value().has_reply())
            check_reply(*server, datagram.data(), datagram.size(), reply.value(), out, now_ms);
    }
    DhcpServerCounters const& c = server->counters();
    if (c.malformed + c.ignored > c.received || c.offers + c.acks + c.naks > c.received)
        __builtin_trap();
    char line[DHCP_COUNTERS_LINE_CAPACITY];
    if (format_dhcp_counters_line(c, line, sizeof(line)).is_error())
        __builtin_trap();
}

void check_config_text(StringView text)
{
    auto range = parse_dhcp_range(text);
    if (!range.is_error() && range.value().first.to_u32() > range.value().last.to_u32())
        __builtin_trap();
    if (auto hosts = parse_dhcp_hosts(text); !hosts.is_error()) {
        for (DhcpHostBlock const& block : hosts.value()) {
            if (block.count == 0 || block.count > DHCP_MAX_FIXED_HOSTS)
                __builtin_trap();
            if (block.index_of_mac(block.mac_at(block.count - 1)) != block.count - 1)
                __builtin_trap();
        }
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    check_round_trip(data, size);
    replay(data, size);
    check_config_text(StringView(reinterpret_cast<char const*>(data), size));
    return 0;
}
