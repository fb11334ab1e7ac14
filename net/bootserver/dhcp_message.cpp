// The DHCP message codec (see dhcp_message.h): fixed-offset header fields, then
// a bounds-checked walk over the options.
#include "net/bootserver/dhcp_message.h"

#include "kernel/lib/string.h"

namespace net {

namespace {

constexpr usize OFFSET_XID = 4;
constexpr usize OFFSET_SECS = 8;
constexpr usize OFFSET_FLAGS = 10;
constexpr usize OFFSET_CIADDR = 12;
constexpr usize OFFSET_YIADDR = 16;
constexpr usize OFFSET_SIADDR = 20;
constexpr usize OFFSET_GIADDR = 24;
constexpr usize OFFSET_CHADDR = 28;
constexpr usize OFFSET_SNAME = 44;
constexpr usize OFFSET_FILE = 108;
constexpr usize OFFSET_COOKIE = 236;
constexpr usize CHADDR_SIZE = 16;
constexpr usize MAX_OPTION_LENGTH = 255;

// Overload (52) values: which of file and sname carry options instead of names.
constexpr u8 OVERLOAD_FILE = 1;
constexpr u8 OVERLOAD_SNAME = 2;

u16 load_be16(u8 const* in) { return u16((u16(in[0]) << 8) | in[1]); }
u32 load_be32(u8 const* in) { return (u32(in[0]) << 24) | (u32(in[1]) << 16) | (u32(in[2]) << 8) | u32(in[3]); }
void store_be16(u8* out, u16 value)
{
    out[0] = u8(value >> 8);
    out[1] = u8(value);
}
void store_be32(u8* out, u32 value)
{
    out[0] = u8(value >> 24);
    out[1] = u8(value >> 16);
    out[2] = u8(value >> 8);
    out[3] = u8(value);
}

Ipv4Address load_address(u8 const* in) { return { { in[0], in[1], in[2], in[3] } }; }

// A NUL-terminated name in a fixed field; the whole field when it has no NUL.
StringView field_text(u8 const* field, usize size)
{
    usize length = 0;
    while (length < size && field[length] != 0)
        ++length;
    return { reinterpret_cast<char const*>(field), length };
}

// The decoder's view of one option: its value, already bounds-checked.
struct OptionValue {
    u8 const* data;
    usize length;
};

Result<Ipv4Address> address_option(OptionValue value)
{
    if (value.length != 4)
        return Error::BadMessage;
    return load_address(value.data);
}

Result<u32> u32_option(OptionValue value)
{
    if (value.length != 4)
        return Error::BadMessage;
    return load_be32(value.data);
}

Result<StringView> text_option(OptionValue value)
{
    if (value.length == 0)
        return Error::BadMessage;
    return StringView(reinterpret_cast<char const*>(value.data), value.length);
}

Result<DhcpBytes> bytes_option(OptionValue value)
{
    if (value.length == 0)
        return Error::BadMessage;
    return DhcpBytes { value.data, value.length };
}

// Fills the field of message that code names. Unknown codes are skipped.
Result<void> decode_option(DhcpOption code, OptionValue value, DhcpMessage& message)
{
    switch (code) {
    case DhcpOption::SubnetMask:
        message.subnet_mask = TRY(address_option(value));
        break;
    case DhcpOption::Router:
        if (value.length == 0 || value.length % 4 != 0)
            return Error::BadMessage;
        message.router = load_address(value.data);
        break;
    case DhcpOption::HostName:
        message.host_name = TRY(text_option(value));
        break;
    case DhcpOption::BroadcastAddress:
        message.broadcast_address = TRY(address_option(value));
        break;
    case DhcpOption::RequestedAddress:
        message.requested_address = TRY(address_option(value));
        break;
    case DhcpOption::LeaseTime:
        message.lease_seconds = TRY(u32_option(value));
        break;
    case DhcpOption::Overload:
        if (value.length != 1 || value.data[0] < 1 || value.data[0] > 3)
            return Error::BadMessage;
        message.overload = value.data[0];
        break;
    case DhcpOption::MessageType:
        // 0 would read as "absent".
        if (value.length != 1 || value.data[0] == 0)
            return Error::BadMessage;
        message.message_type = DhcpMessageType(value.data[0]);
        break;
    case DhcpOption::ServerIdentifier:
        message.server_identifier = TRY(address_option(value));
        break;
    case DhcpOption::ParameterRequestList:
        message.parameter_request_list = TRY(bytes_option(value));
        break;
    case DhcpOption::RenewalTime:
        message.renewal_seconds = TRY(u32_option(value));
        break;
    case DhcpOption::RebindingTime:
        message.rebinding_seconds = TRY(u32_option(value));
        break;
    case DhcpOption::VendorClass:
        message.vendor_class = TRY(text_option(value));
        break;
    case DhcpOption::ClientIdentifier:
        message.client_identifier = TRY(bytes_option(value));
        break;
    case DhcpOption::TftpServerName:
        message.tftp_server_name = TRY(text_option(value));
        break;
    case DhcpOption::BootFileName:
        message.boot_file_name = TRY(text_option(value));
        break;
    case DhcpOption::ClientArchitecture:
        // A list of u16; clients send one. The first is the one that boots.
        if (value.length == 0 || value.length % 2 != 0)
            return Error::BadMessage;
        message.client_architecture = load_be16(value.data);
        break;
    default:
        break;
    }
    return {};
}

bool is_known_option(u8 code)
{
    switch (DhcpOption(code)) {
    case DhcpOption::SubnetMask:
    case DhcpOption::Router:
    case DhcpOption::HostName:
    case DhcpOption::BroadcastAddress:
    case DhcpOption::RequestedAddress:
    case DhcpOption::LeaseTime:
    case DhcpOption::Overload:
    case DhcpOption::MessageType:
    case DhcpOption::ServerIdentifier:
    case DhcpOption::ParameterRequestList:
    case DhcpOption::RenewalTime:
    case DhcpOption::RebindingTime:
    case DhcpOption::VendorClass:
    case DhcpOption::ClientIdentifier:
    case DhcpOption::TftpServerName:
    case DhcpOption::BootFileName:
    case DhcpOption::ClientArchitecture:
        return true;
    default:
        return false;
    }
}

Result<void> decode_options(u8 const* options, usize size, DhcpMessage& message)
{
    // RFC 3396 lets a long option be split into several; none of ours is ever
    // that long, so a known option seen twice is malformed rather than merged.
    bool seen[256] = {};
    usize at = 0;
    while (at < size) {
        u8 code = options[at++];
        if (code == u8(DhcpOption::Pad))
            continue;
        if (code == u8(DhcpOption::End))
            return {};
        if (at == size)
            return Error::BadMessage;
        usize length = options[at++];
        if (length > size - at)
            return Error::BadMessage;
        if (is_known_option(code)) {
            if (seen[code])
                return Error::BadMessage;
            seen[code] = true;
            TRY(decode_option(DhcpOption(code), OptionValue { options + at, length }, message));
        }
        at += length;
    }
    return {}; // no End before the buffer's end: tolerated, as most servers do
}

// Appends options to a caller's buffer; the first failure sticks.
class OptionWriter {
public:
    OptionWriter(u8* out, usize capacity, usize at)
        : m_out(out)
        , m_capacity(capacity)
        , m_at(at)
    {
    }

    void put(DhcpOption code, void const* value, usize length)
    {
        if (m_error != Error::None)
            return;
        if (length > MAX_OPTION_LENGTH) {
            m_error = Error::InvalidArgument;
            return;
        }
        if (m_capacity - m_at < 2 + length) {
            m_error = Error::NoSpace;
            return;
        }
        m_out[m_at] = u8(code);
        m_out[m_at + 1] = u8(length);
        if (length)
            memcpy(m_out + m_at + 2, value, length);
        m_at += 2 + length;
    }
    void put_u8(DhcpOption code, u8 value) { put(code, &value, 1); }
    void put_u16(DhcpOption code, u16 value)
    {
        u8 bytes[2];
        store_be16(bytes, value);
        put(code, bytes, 2);
    }
    void put_u32(DhcpOption code, u32 value)
    {
        u8 bytes[4];
        store_be32(bytes, value);
        put(code, bytes, 4);
    }
    void put_address(DhcpOption code, Ipv4Address address) { put(code, address.octets, 4); }
    void put_text(DhcpOption code, StringView text)
    {
        if (!text.is_empty())
            put(code, text.characters(), text.length());
    }
    void put_bytes(DhcpOption code, DhcpBytes bytes)
    {
        if (!bytes.is_empty())
            put(code, bytes.data, bytes.size);
    }
    void put_end()
    {
        if (m_error != Error::None)
            return;
        if (m_at == m_capacity) {
            m_error = Error::NoSpace;
            return;
        }
        m_out[m_at++] = u8(DhcpOption::End);
    }

    Result<usize> finish() const
    {
        if (m_error != Error::None)
            return m_error;
        return m_at;
    }

private:
    u8* m_out;
    usize m_capacity;
    usize m_at;
    Error m_error { Error::None };
};

void write_options(DhcpMessage const& message, OptionWriter& writer)
{
    if (message.message_type != DhcpMessageType::None)
        writer.put_u8(DhcpOption::MessageType, u8(message.message_type));
    if (message.server_identifier)
        writer.put_address(DhcpOption::ServerIdentifier, *message.server_identifier);
    if (message.lease_seconds)
        writer.put_u32(DhcpOption::LeaseTime, *message.lease_seconds);
    if (message.renewal_seconds)
        writer.put_u32(DhcpOption::RenewalTime, *message.renewal_seconds);
    if (message.rebinding_seconds)
        writer.put_u32(DhcpOption::RebindingTime, *message.rebinding_seconds);
    if (message.subnet_mask)
        writer.put_address(DhcpOption::SubnetMask, *message.subnet_mask);
    if (message.router)
        writer.put_address(DhcpOption::Router, *message.router);
    if (message.broadcast_address)
        writer.put_address(DhcpOption::BroadcastAddress, *message.broadcast_address);
    if (message.requested_address)
        writer.put_address(DhcpOption::RequestedAddress, *message.requested_address);
    writer.put_bytes(DhcpOption::ClientIdentifier, message.client_identifier);
    writer.put_bytes(DhcpOption::ParameterRequestList, message.parameter_request_list);
    if (message.client_architecture)
        writer.put_u16(DhcpOption::ClientArchitecture, *message.client_architecture);
    writer.put_text(DhcpOption::VendorClass, message.vendor_class);
    writer.put_text(DhcpOption::HostName, message.host_name);
    writer.put_text(DhcpOption::TftpServerName, message.tftp_server_name);
    writer.put_text(DhcpOption::BootFileName, message.boot_file_name);
    writer.put_end();
}

} // namespace

char const* dhcp_message_type_name(DhcpMessageType type)
{
    switch (type) {
    case DhcpMessageType::None:
        return "none";
    case DhcpMessageType::Discover:
        return "DISCOVER";
    case DhcpMessageType::Offer:
        return "OFFER";
    case DhcpMessageType::Request:
        return "REQUEST";
    case DhcpMessageType::Decline:
        return "DECLINE";
    case DhcpMessageType::Ack:
        return "ACK";
    case DhcpMessageType::Nak:
        return "NAK";
    case DhcpMessageType::Release:
        return "RELEASE";
    case DhcpMessageType::Inform:
        return "INFORM";
    }
    return "unknown";
}

bool DhcpBytes::operator==(DhcpBytes const& other) const
{
    return size == other.size && (size == 0 || memcmp(data, other.data, size) == 0);
}

MacAddress DhcpMessage::hardware_address() const
{
    MacAddress mac;
    memcpy(mac.bytes, chaddr, sizeof(mac.bytes));
    return mac;
}

void DhcpMessage::set_hardware_address(MacAddress mac)
{
    memset(chaddr, 0, sizeof(chaddr));
    memcpy(chaddr, mac.bytes, sizeof(mac.bytes));
    htype = DHCP_HTYPE_ETHERNET;
    hlen = sizeof(mac.bytes);
}

Result<DhcpMessage> decode_dhcp_message(u8 const* bytes, usize size)
{
    if (size < DHCP_OPTIONS_OFFSET)
        return Error::BadMessage;
    if (bytes[0] != u8(DhcpOp::Request) && bytes[0] != u8(DhcpOp::Reply))
        return Error::BadMessage;
    if (bytes[2] > CHADDR_SIZE)
        return Error::BadMessage;
    if (load_be32(bytes + OFFSET_COOKIE) != DHCP_MAGIC_COOKIE)
        return Error::Protocol;

    DhcpMessage message;
    message.op = DhcpOp(bytes[0]);
    message.htype = bytes[1];
    message.hlen = bytes[2];
    message.hops = bytes[3];
    message.xid = load_be32(bytes + OFFSET_XID);
    message.secs = load_be16(bytes + OFFSET_SECS);
    message.flags = load_be16(bytes + OFFSET_FLAGS);
    message.ciaddr = load_address(bytes + OFFSET_CIADDR);
    message.yiaddr = load_address(bytes + OFFSET_YIADDR);
    message.siaddr = load_address(bytes + OFFSET_SIADDR);
    message.giaddr = load_address(bytes + OFFSET_GIADDR);
    memcpy(message.chaddr, bytes + OFFSET_CHADDR, CHADDR_SIZE);

    TRY(decode_options(bytes + DHCP_OPTIONS_OFFSET, size - DHCP_OPTIONS_OFFSET, message));

    u8 overload = message.overload.value_or(0);
    if (!(overload & OVERLOAD_SNAME))
        message.server_name = field_text(bytes + OFFSET_SNAME, DHCP_SNAME_SIZE);
    if (!(overload & OVERLOAD_FILE))
        message.boot_file = field_text(bytes + OFFSET_FILE, DHCP_FILE_SIZE);
    return message;
}

Result<usize> encode_dhcp_message(DhcpMessage const& message, u8* out, usize capacity)
{
    if (message.server_name.length() > DHCP_SNAME_SIZE || message.boot_file.length() > DHCP_FILE_SIZE
        || message.hlen > CHADDR_SIZE)
        return Error::InvalidArgument;
    if (capacity < DHCP_MIN_MESSAGE_SIZE)
        return Error::NoSpace;

    memset(out, 0, DHCP_MIN_MESSAGE_SIZE);
    out[0] = u8(message.op);
    out[1] = message.htype;
    out[2] = message.hlen;
    out[3] = message.hops;
    store_be32(out + OFFSET_XID, message.xid);
    store_be16(out + OFFSET_SECS, message.secs);
    store_be16(out + OFFSET_FLAGS, message.flags);
    memcpy(out + OFFSET_CIADDR, message.ciaddr.octets, 4);
    memcpy(out + OFFSET_YIADDR, message.yiaddr.octets, 4);
    memcpy(out + OFFSET_SIADDR, message.siaddr.octets, 4);
    memcpy(out + OFFSET_GIADDR, message.giaddr.octets, 4);
    memcpy(out + OFFSET_CHADDR, message.chaddr, CHADDR_SIZE);
    if (!message.server_name.is_empty())
        memcpy(out + OFFSET_SNAME, message.server_name.characters(), message.server_name.length());
    if (!message.boot_file.is_empty())
        memcpy(out + OFFSET_FILE, message.boot_file.characters(), message.boot_file.length());
    store_be32(out + OFFSET_COOKIE, DHCP_MAGIC_COOKIE);

    OptionWriter writer(out, capacity, DHCP_OPTIONS_OFFSET);
    write_options(message, writer);
    usize length = TRY(writer.finish());
    return length < DHCP_MIN_MESSAGE_SIZE ? DHCP_MIN_MESSAGE_SIZE : length;
}

} // namespace net
