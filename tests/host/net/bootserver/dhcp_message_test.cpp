// DHCP message codec: PXE DISCOVERs as iPXE and GRUB's EFI net send them (built
// byte by byte), a reply encoded and read back field by field, and every kind
// of malformed packet refused with the right error.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <initializer_list>
#include <string>
#include <vector>

#include "net/bootserver/dhcp_message.h"

using net::DhcpMessage;
using net::DhcpMessageType;
using net::DhcpOp;
using net::DhcpOption;
using net::Ipv4Address;
using net::MacAddress;

namespace {

Ipv4Address quad(u8 a, u8 b, u8 c, u8 d) { return { { a, b, c, d } }; }

// A BOOTP request written field by field, as a client puts it on the wire.
class Packet {
public:
    explicit Packet(u32 xid, MacAddress mac = { { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 } }, u8 op = 1)
    {
        bytes = { op, 1, 6, 0 };
        put32(xid);
        put16(4);      // secs
        put16(0x8000); // broadcast, as PXE ROMs ask
        for (int i = 0; i < 16; ++i)
            bytes.push_back(0); // ciaddr yiaddr siaddr giaddr
        for (u8 b : mac.bytes)
            bytes.push_back(b);
        bytes.resize(net::DHCP_HEADER_SIZE, 0); // chaddr padding, sname, file
        bytes.insert(bytes.end(), { 99, 130, 83, 99 });
    }
    Packet& option(u8 code, std::initializer_list<u8> value)
    {
        bytes.push_back(code);
        bytes.push_back(u8(value.size()));
        bytes.insert(bytes.end(), value);
        return *this;
    }
    Packet& text_option(u8 code, char const* text)
    {
        bytes.push_back(code);
        bytes.push_back(u8(strlen(text)));
        bytes.insert(bytes.end(), text, text + strlen(text));
        return *this;
    }
    Packet& raw(std::initializer_list<u8> more)
    {
        bytes.insert(bytes.end(), more);
        return *this;
    }
    Packet& end()
    {
        bytes.push_back(255);
        if (bytes.size() < 300)
            bytes.resize(300, 0);
        return *this;
    }
    Result<DhcpMessage> decode() const { return net::decode_dhcp_message(bytes.data(), bytes.size()); }

    std::vector<u8> bytes;

private:
    void put16(u16 v) { bytes.insert(bytes.end(), { u8(v >> 8), u8(v) }); }
    void put32(u32 v) { bytes.insert(bytes.end(), { u8(v >> 24), u8(v >> 16), u8(v >> 8), u8(v) }); }
};

// iPXE 1.21 (Debian's ipxe-qemu ROM) under SeaBIOS: the options it really sends.
Packet ipxe_discover()
{
    Packet packet(0x1f2e3d4c);
    packet.option(53, { 1 })
        .option(57, { 0x05, 0xc0 }) // max message size 1472
        .option(93, { 0, 0 })       // BIOS x86
        .option(94, { 1, 2, 1 })    // UNDI 2.1
        .text_option(60, "PXEClient:Arch:00000:UNDI:002001")
        .text_option(77, "iPXE")
        .option(55,
            { 1, 3, 6, 7, 12, 15, 17, 26, 43, 60, 66, 67, 119, 128, 129, 130, 131, 132, 133, 134, 135, 175, 203 })
        .option(175, { 0xb1, 0x05, 0x01, 0x80, 0x86, 0x10, 0x0e, 0xeb, 0x03, 0x01, 0x00, 0x00, 0x17, 0x01, 0x01 })
        .option(61, { 1, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 })
        .option(97, { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 })
        .end();
    return packet;
}

// GRUB 2.06 net on OVMF (efinet): architecture 7, no client identifier.
Packet grub_efi_discover()
{
    Packet packet(0x00c0ffee);
    packet.option(53, { 1 })
        .option(93, { 0, 7 })
        .option(94, { 1, 3, 0 })
        .text_option(60, "PXEClient:Arch:00007:UNDI:003000")
        .option(55, { 1, 3, 6, 12, 15, 17, 28, 66, 67 })
        .end();
    return packet;
}

std::string text(StringView view) { return std::string(view.characters(), view.length()); }

} // namespace

TEST_CASE("dhcp: an iPXE DISCOVER decodes with its PXE options", "[dhcp]")
{
    Packet packet = ipxe_discover();
    auto decoded = packet.decode();
    REQUIRE(!decoded.is_error());
    DhcpMessage const& message = decoded.value();
    CHECK(message.op == DhcpOp::Request);
    CHECK(message.is_ethernet());
    CHECK(message.xid == 0x1f2e3d4c);
    CHECK(message.secs == 4);
    CHECK(message.wants_broadcast());
    CHECK(message.ciaddr == quad(0, 0, 0, 0));
    CHECK(message.hardware_address() == MacAddress { { 0x52, 0x54, 0x00, 0x12, 0x34, 0x56 } });
    CHECK(message.message_type == DhcpMessageType::Discover);
    REQUIRE(message.client_architecture.has_value());
    CHECK(*message.client_architecture == net::dhcp_architecture::BIOS_X86);
    CHECK(text(message.vendor_class) == "PXEClient:Arch:00000:UNDI:002001");
    CHECK(message.parameter_request_list.size == 23);
    CHECK(message.parameter_request_list.data[10] == 66);
    REQUIRE(message.client_identifier.size == 7);
    CHECK(message.client_identifier.data[0] == 1);
    CHECK(message.client_identifier.data[6] == 0x56);
    CHECK(!message.requested_address);
    CHECK(!message.server_identifier);
    CHECK(message.host_name.is_empty());
    CHECK(message.server_name.is_empty());
    CHECK(message.boot_file.is_empty());
    CHECK(std::string(net::dhcp_message_type_name(message.message_type)) == "DISCOVER");
}

TEST_CASE("dhcp: GRUB's EFI DISCOVER says architecture 7", "[dhcp]")
{
    Packet packet = grub_efi_discover(); // the decoded views point into it
    auto decoded = packet.decode();
    REQUIRE(!decoded.is_error());
    CHECK(decoded.value().client_architecture == u16(net::dhcp_architecture::EFI_BC));
    CHECK(text(decoded.value().vendor_class) == "PXEClient:Arch:00007:UNDI:003000");
    CHECK(decoded.value().client_identifier.is_empty());
}

TEST_CASE("dhcp: REQUEST options: requested address, server id, host name", "[dhcp]")
{
    Packet packet(7);
    packet.option(53, { 3 }).option(50, { 10, 77, 0, 100 }).option(54, { 10, 77, 0, 1 }).text_option(12, "node2").end();
    auto decoded = packet.decode();
    REQUIRE(!decoded.is_error());
    CHECK(decoded.value().message_type == DhcpMessageType::Request);
    CHECK(decoded.value().requested_address == quad(10, 77, 0, 100));
    CHECK(decoded.value().server_identifier == quad(10, 77, 0, 1));
    CHECK(text(decoded.value().host_name) == "node2");
}

TEST_CASE("dhcp: padding, a missing end and bytes after the end", "[dhcp]")
{
    Packet padded(1);
    padded.raw({ 0, 0, 0 }).option(53, { 1 }).raw({ 0 }).option(93, { 0, 9 });
    auto no_end = padded.decode(); // the options stop at the buffer's end
    REQUIRE(!no_end.is_error());
    CHECK(no_end.value().client_architecture == u16(9));

    Packet trailing(1);
    trailing.option(53, { 1 }).raw({ 255, 53, 200, 1, 2, 3 }); // garbage after 255 is padding
    auto decoded = trailing.decode();
    REQUIRE(!decoded.is_error());
    CHECK(decoded.value().message_type == DhcpMessageType::Discover);

    Packet bootp(1); // cookie but no options at all
    auto plain = bootp.decode();
    REQUIRE(!plain.is_error());
    CHECK(plain.value().message_type == DhcpMessageType::None);
}

TEST_CASE("dhcp: unknown options are skipped, unknown message types kept", "[dhcp]")
{
    Packet packet(1);
    packet.option(53, { 13 }).option(200, {}).option(43, { 1, 2, 3 }).end();
    auto decoded = packet.decode();
    REQUIRE(!decoded.is_error());
    CHECK(u8(decoded.value().message_type) == 13);
    CHECK(std::string(net::dhcp_message_type_name(decoded.value().message_type)) == "unknown");
}

TEST_CASE("dhcp: option overload is recorded and the overloaded fields not read as names", "[dhcp]")
{
    Packet packet(1);
    packet.bytes[44] = 'x';  // sname, which now holds options
    packet.bytes[108] = 'y'; // file
    packet.option(53, { 1 }).option(52, { 3 }).end();
    auto decoded = packet.decode();
    REQUIRE(!decoded.is_error());
    CHECK(decoded.value().overload == u8(3));
    CHECK(decoded.value().server_name.is_empty());
    CHECK(decoded.value().boot_file.is_empty());

    Packet file_only(1);
    file_only.bytes[44] = 'x';
    file_only.option(52, { 1 }).end();
    CHECK(text(file_only.decode().value().server_name) == "x");
}

TEST_CASE("dhcp: malformed packets are refused", "[dhcp]")
{
    Packet good = ipxe_discover();
    CHECK(net::decode_dhcp_message(good.bytes.data(), 239).error() == Error::BadMessage);
    CHECK(net::decode_dhcp_message(good.bytes.data(), 0).error() == Error::BadMessage);

    Packet bad_op = good;
    bad_op.bytes[0] = 3;
    CHECK(bad_op.decode().error() == Error::BadMessage);
    Packet long_hlen = good;
    long_hlen.bytes[2] = 17;
    CHECK(long_hlen.decode().error() == Error::BadMessage);
    Packet no_cookie = good;
    no_cookie.bytes[239] = 0x64;
    CHECK(no_cookie.decode().error() == Error::Protocol);

    struct Case {
        char const* what;
        std::initializer_list<u8> options;
    } cases[] = {
        { "length past the end", { 53, 1, 1, 60, 10, 'P', 'X' } },
        { "code without a length", { 53, 1, 1, 12 } },
        { "53 of length 2", { 53, 2, 1, 1 } },
        { "53 = 0", { 53, 1, 0 } },
        { "53 twice", { 53, 1, 1, 53, 1, 3 } },
        { "50 of length 3", { 53, 1, 3, 50, 3, 10, 77, 0 } },
        { "router list of 5 bytes", { 3, 5, 10, 77, 0, 1, 2 } },
        { "empty host name", { 12, 0 } },
        { "empty client identifier", { 61, 0 } },
        { "odd architecture list", { 93, 3, 0, 0, 7 } },
        { "overload 4", { 52, 1, 4 } },
        { "lease of 2 bytes", { 51, 2, 0, 60 } },
    };
    for (Case const& c : cases) {
        INFO(c.what);
        Packet packet(1);
        packet.raw(c.options);
        CHECK(packet.decode().error() == Error::BadMessage);
    }
}

TEST_CASE("dhcp: every truncation of a DISCOVER decodes or fails, never reads past its end", "[dhcp]")
{
    Packet packet = ipxe_discover();
    for (usize size = 0; size <= packet.bytes.size(); ++size) {
        // An exact-size copy, so ASan sees any read past it.
        std::vector<u8> prefix(packet.bytes.begin(), packet.bytes.begin() + long(size));
        auto decoded = net::decode_dhcp_message(prefix.data(), prefix.size());
        if (size < 240)
            CHECK(decoded.error() == Error::BadMessage);
    }
}

TEST_CASE("dhcp: a reply encodes to the BOOTP layout and decodes back", "[dhcp]")
{
    DhcpMessage reply;
    reply.op = DhcpOp::Reply;
    reply.set_hardware_address({ { 0x52, 0x54, 0x00, 0x00, 0x00, 0x02 } });
    reply.xid = 0xdeadbeef;
    reply.flags = net::DHCP_FLAG_BROADCAST;
    reply.yiaddr = quad(10, 77, 0, 100);
    reply.siaddr = quad(10, 77, 0, 1);
    reply.server_name = "node1"_sv;
    reply.boot_file = "boot/grub/i386-pc/core.0"_sv;
    reply.message_type = DhcpMessageType::Offer;
    reply.server_identifier = quad(10, 77, 0, 1);
    reply.lease_seconds = 3600;
    reply.renewal_seconds = 1800;
    reply.rebinding_seconds = 3150;
    reply.subnet_mask = quad(255, 255, 255, 0);
    reply.router = quad(10, 77, 0, 254);
    reply.broadcast_address = quad(10, 77, 0, 255);
    reply.tftp_server_name = "10.77.0.1"_sv;
    reply.boot_file_name = "boot/grub/i386-pc/core.0"_sv;

    u8 out[net::DHCP_MAX_MESSAGE_SIZE];
    memset(out, 0xaa, sizeof(out));
    auto size = net::encode_dhcp_message(reply, out, sizeof(out));
    REQUIRE(!size.is_error());
    CHECK(size.value() >= net::DHCP_MIN_MESSAGE_SIZE);
    CHECK(out[0] == 2);
    CHECK(out[4] == 0xde);
    CHECK(out[7] == 0xef);
    CHECK(out[10] == 0x80);
    CHECK(out[16] == 10); // yiaddr
    CHECK(out[19] == 100);
    CHECK(out[23] == 1); // siaddr
    CHECK(out[28] == 0x52);
    CHECK(std::string(reinterpret_cast<char const*>(out + 44)) == "node1");
    CHECK(std::string(reinterpret_cast<char const*>(out + 108)) == "boot/grub/i386-pc/core.0");
    CHECK(out[236] == 99);
    CHECK(out[239] == 99);
    CHECK(out[240] == 53); // the message type comes first
    CHECK(out[241] == 1);
    CHECK(out[242] == 2);
    CHECK(size.value() > net::DHCP_MIN_MESSAGE_SIZE); // so no padding:
    CHECK(out[size.value() - 1] == 255);              // the options' end comes last
    CHECK(out[size.value()] == 0xaa);                 // and nothing is written past it

    auto decoded = net::decode_dhcp_message(out, size.value());
    REQUIRE(!decoded.is_error());
    DhcpMessage const& back = decoded.value();
    CHECK(back.op == DhcpOp::Reply);
    CHECK(back.xid == 0xdeadbeef);
    CHECK(back.yiaddr == quad(10, 77, 0, 100));
    CHECK(back.siaddr == quad(10, 77, 0, 1));
    CHECK(back.hardware_address() == MacAddress { { 0x52, 0x54, 0x00, 0x00, 0x00, 0x02 } });
    CHECK(text(back.server_name) == "node1");
    CHECK(text(back.boot_file) == "boot/grub/i386-pc/core.0");
    CHECK(back.message_type == DhcpMessageType::Offer);
    CHECK(back.server_identifier == quad(10, 77, 0, 1));
    CHECK(back.lease_seconds == 3600u);
    CHECK(back.renewal_seconds == 1800u);
    CHECK(back.rebinding_seconds == 3150u);
    CHECK(back.subnet_mask == quad(255, 255, 255, 0));
    CHECK(back.router == quad(10, 77, 0, 254));
    CHECK(back.broadcast_address == quad(10, 77, 0, 255));
    CHECK(text(back.tftp_server_name) == "10.77.0.1");
    CHECK(text(back.boot_file_name) == "boot/grub/i386-pc/core.0");
}

TEST_CASE("dhcp: a decoded request re-encodes to the same message", "[dhcp]")
{
    Packet packet = ipxe_discover();
    auto first = packet.decode();
    REQUIRE(!first.is_error());
    u8 out[net::DHCP_MAX_MESSAGE_SIZE];
    auto size = net::encode_dhcp_message(first.value(), out, sizeof(out));
    REQUIRE(!size.is_error());
    auto second = net::decode_dhcp_message(out, size.value());
    REQUIRE(!second.is_error());
    CHECK(second.value().xid == first.value().xid);
    CHECK(second.value().client_architecture == first.value().client_architecture);
    CHECK(second.value().vendor_class == first.value().vendor_class);
    CHECK(second.value().client_identifier == first.value().client_identifier);
    CHECK(second.value().parameter_request_list == first.value().parameter_request_list);
}

TEST_CASE("dhcp: the encoder refuses what does not fit", "[dhcp]")
{
    DhcpMessage message;
    message.message_type = DhcpMessageType::Ack;
    u8 out[net::DHCP_MAX_MESSAGE_SIZE];
    CHECK(net::encode_dhcp_message(message, out, 299).error() == Error::NoSpace);
    memset(out, 0xaa, sizeof(out));
    CHECK(net::encode_dhcp_message(message, out, 300).value() == 300);
    CHECK(out[242] == 5);
    CHECK(out[243] == 255);
    CHECK(std::all_of(out + 244, out + 300, [](u8 b) { return b == 0; })); // padded to BOOTP's 300 bytes

    std::string long_name(65, 'n');
    message.server_name = StringView(long_name.c_str());
    CHECK(net::encode_dhcp_message(message, out, sizeof(out)).error() == Error::InvalidArgument);
    message.server_name = StringView(long_name.c_str(), 64); // fills the field, no NUL
    REQUIRE(!net::encode_dhcp_message(message, out, sizeof(out)).is_error());
    CHECK(net::decode_dhcp_message(out, 300).value().server_name.length() == 64);

    std::string long_option(256, 'v');
    message.vendor_class = StringView(long_option.c_str());
    CHECK(net::encode_dhcp_message(message, out, sizeof(out)).error() == Error::InvalidArgument);
    message.vendor_class = StringView(long_option.c_str(), 255);
    message.host_name = StringView(long_option.c_str(), 255);
    CHECK(net::encode_dhcp_message(message, out, sizeof(out)).error() == Error::NoSpace);
}
