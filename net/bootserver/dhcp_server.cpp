// The DHCP server's protocol side (see dhcp_server.h): RFC 2131 4.3, request
// by request, over the lease table.
#include "net/bootserver/dhcp_server.h"

#include "kernel/lib/format.h"
#include "kernel/lib/string.h"

namespace net {

namespace {

constexpr Ipv4Address BROADCAST { { 255, 255, 255, 255 } };

u64 saturating_add(u64 a, u64 b) { return a > ~u64(0) - b ? ~u64(0) : a + b; }

unsigned long long counter(u64 value) { return static_cast<unsigned long long>(value); }

} // namespace

Result<usize> format_dhcp_counters_line(DhcpServerCounters const& counters, char* buffer, usize capacity)
{
    usize length = format(buffer, capacity,
        "received=%llu malformed=%llu ignored=%llu exhausted=%llu offers=%llu acks=%llu naks=%llu "
        "releases=%llu declines=%llu\n",
        counter(counters.received), counter(counters.malformed), counter(counters.ignored),
        counter(counters.exhausted), counter(counters.offers), counter(counters.acks), counter(counters.naks),
        counter(counters.releases), counter(counters.declines));
    if (length >= capacity)
        return Error::NoSpace;
    return length;
}

Result<OwnPtr<DhcpServer>> DhcpServer::create(DhcpServerConfig config)
{
    TRY(validate_dhcp_server_config(config));
    auto table = TRY(DhcpLeaseTable::create(config));
    return adopt_own_if_nonnull(new (std::nothrow) DhcpServer(config, std::move(table)));
}

DhcpServer::DhcpServer(DhcpServerConfig const& config, DhcpLeaseTable table)
    : m_server_address(config.server_address)
    , m_prefix_length(config.prefix_length)
    , m_router(config.router)
    , m_lease_seconds(config.lease_seconds)
    , m_table(std::move(table))
{
    // Validated: every name fits with its NUL.
    config.bios_boot_file.copy_to(m_bios_boot_file, sizeof(m_bios_boot_file));
    config.uefi_boot_file.copy_to(m_uefi_boot_file, sizeof(m_uefi_boot_file));
    config.server_name.copy_to(m_server_name, sizeof(m_server_name));
    u8 const* octets = m_server_address.octets;
    format(m_server_address_text, sizeof(m_server_address_text), "%u.%u.%u.%u", octets[0], octets[1], octets[2],
        octets[3]);
}

StringView DhcpServer::boot_file_for(std::optional<u16> architecture) const
{
    switch (architecture.value_or(dhcp_architecture::BIOS_X86)) {
    case dhcp_architecture::BIOS_X86:
        return StringView(m_bios_boot_file);
    case dhcp_architecture::EFI_BC:
    case dhcp_architecture::EFI_X86_64:
        return StringView(m_uefi_boot_file);
    default:
        return {};
    }
}

DhcpReply DhcpServer::ignore()
{
    ++m_counters.ignored;
    return {};
}

bool DhcpServer::names_other_server(DhcpMessage const& request) const
{
    return request.server_identifier && *request.server_identifier != m_server_address;
}

Result<DhcpReply> DhcpServer::handle(u8 const* request_bytes, usize size, u64 now_ms, u8* out, usize out_capacity)
{
    ++m_counters.received;
    auto decoded = decode_dhcp_message(request_bytes, size);
    if (decoded.is_error()) {
        ++m_counters.malformed;
        return decoded.error();
    }
    DhcpMessage const& request = decoded.value();
    MacAddress mac = request.hardware_address();
    if (request.op != DhcpOp::Request || !request.is_ethernet() || mac == MacAddress {} || (mac.bytes[0] & 1)
        || request.giaddr.to_u32() != 0)
        return ignore();

    m_table.expire(now_ms);
    switch (request.message_type) {
    case DhcpMessageType::Discover:
        return handle_discover(request, now_ms, out, out_capacity);
    case DhcpMessageType::Request:
        return handle_request(request, now_ms, out, out_capacity);
    case DhcpMessageType::Inform:
        return handle_inform(request, out, out_capacity);
    case DhcpMessageType::Decline:
        // RFC 2131 requires 54 and 50 here; a missing 54 is forgiven, a foreign one is not ours.
        if (names_other_server(request) || !request.requested_address
            || !m_table.decline(mac, *request.requested_address,
                saturating_add(now_ms, DhcpLeaseTable::DECLINE_HOLD_MS)))
            return ignore();
        ++m_counters.declines;
        return DhcpReply {};
    case DhcpMessageType::Release:
        if (names_other_server(request) || !m_table.release(mac, request.ciaddr))
            return ignore();
        ++m_counters.releases;
        return DhcpReply {};
    default:
        return ignore(); // None (BOOTP), or a type only servers send
    }
}

Result<DhcpReply> DhcpServer::handle_discover(DhcpMessage const& request, u64 now_ms, u8* out, usize out_capacity)
{
    MacAddress mac = request.hardware_address();
    auto address = m_table.choose(mac, request.requested_address);
    if (!address) {
        ++m_counters.exhausted;
        return DhcpReply {};
    }
    auto offer = TRY(reply(request, DhcpMessageType::Offer, *address, out, out_capacity));
    m_table.hold(mac, *address, DhcpLeaseState::Offered, saturating_add(now_ms, DhcpLeaseTable::OFFER_HOLD_MS));
    ++m_counters.offers;
    return offer;
}

Result<DhcpReply> DhcpServer::handle_request(DhcpMessage const& request, u64 now_ms, u8* out, usize out_capacity)
{
    MacAddress mac = request.hardware_address();
    Ipv4Address address;
    if (request.server_identifier) {
        // SELECTING: the client answers an OFFER, ours or another server's.
        if (names_other_server(request)) {
            m_table.withdraw_offer(mac);
            return ignore();
        }
        if (!request.requested_address)
            return ignore();
        address = *request.requested_address;
    } else if (request.ciaddr.to_u32() == 0) {
        // INIT-REBOOT: a client that remembers an address asks to keep it.
        if (!request.requested_address)
            return ignore();
        address = *request.requested_address;
    } else {
        // RENEWING (unicast to us) or REBINDING (broadcast): extend ciaddr's lease.
        address = request.ciaddr;
    }

    if (!m_table.can_assign(mac, address)) {
        auto nak = TRY(reply(request, DhcpMessageType::Nak, {}, out, out_capacity));
        ++m_counters.naks;
        return nak;
    }
    auto ack = TRY(reply(request, DhcpMessageType::Ack, address, out, out_capacity));
    m_table.hold(mac, address, DhcpLeaseState::Bound, saturating_add(now_ms, u64(m_lease_seconds) * 1000));
    ++m_counters.acks;
    return ack;
}

Result<DhcpReply> DhcpServer::handle_inform(DhcpMessage const& request, u8* out, usize out_capacity)
{
    // The client configured its address itself and wants the rest; the answer
    // goes to that address, so without one there is nowhere to send it.
    if (request.ciaddr.to_u32() == 0)
        return ignore();
    auto ack = TRY(reply(request, DhcpMessageType::Ack, {}, out, out_capacity));
    ++m_counters.acks;
    return ack;
}

Result<DhcpReply> DhcpServer::reply(DhcpMessage const& request, DhcpMessageType type, Ipv4Address address, u8* out,
    usize out_capacity)
{
    DhcpMessage message;
    message.op = DhcpOp::Reply;
    message.htype = request.htype;
    message.hlen = request.hlen;
    memcpy(message.chaddr, request.chaddr, sizeof(message.chaddr));
    message.xid = request.xid;
    message.flags = request.flags;
    message.giaddr = request.giaddr;
    message.message_type = type;
    message.server_identifier = m_server_address;

    if (type != DhcpMessageType::Nak) {
        if (type == DhcpMessageType::Ack)
            message.ciaddr = request.ciaddr;
        message.yiaddr = address;
        message.siaddr = m_server_address; // next server: our TFTP
        message.server_name = StringView(m_server_name);
        if (request.message_type != DhcpMessageType::Inform) {
            message.lease_seconds = m_lease_seconds;
            message.renewal_seconds = m_lease_seconds / 2;
            message.rebinding_seconds = u32(u64(m_lease_seconds) * 7 / 8);
        }
        u32 mask = netmask_of_prefix(m_prefix_length);
        message.subnet_mask = Ipv4Address::from_u32(mask);
        if (m_router.to_u32() != 0)
            message.router = m_router;
        message.broadcast_address = Ipv4Address::from_u32(m_server_address.to_u32() | ~mask);
        StringView boot_file = boot_file_for(request.client_architecture);
        if (!boot_file.is_empty()) {
            message.boot_file = boot_file;
            message.boot_file_name = boot_file;
            message.tftp_server_name = StringView(m_server_address_text);
            // A PXE client that sees "PXEClient" and a boot file in the offer
            // boots from it at once instead of waiting ~3 s for a proxy DHCP
            // server's offer (PXE 2.1; iPXE does so too).
            if (request.vendor_class.starts_with("PXEClient"_sv))
                message.vendor_class = "PXEClient"_sv;
        }
    }

    DhcpReply result;
    result.size = TRY(encode_dhcp_message(message, out, out_capacity));
    result.type = type;
    result.address = message.yiaddr;
    // RFC 2131 4.1: to ciaddr when the client has one, else broadcast (we cannot
    // unicast to a hardware address through lwIP); a NAK is always broadcast.
    bool unicast = type != DhcpMessageType::Nak && request.ciaddr.to_u32() != 0;
    result.destination = unicast ? request.ciaddr : BROADCAST;
    return result;
}

} // namespace net
