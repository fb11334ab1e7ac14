// The DHCP server, conversation by conversation: DISCOVER/OFFER/REQUEST/ACK,
// fixed hosts, a full range, renewal, release, decline, NAKs, expiry, the boot
// file by architecture, INFORM, and what it ignores or refuses (and counts).
#include <catch2/catch.hpp>

#include <cstring>
#include <optional>
#include <string>
#include <vector>

#include "kernel/boot/command_line.h"
#include "net/bootserver/dhcp_server.h"

using net::DhcpLeaseState;
using net::DhcpMessage;
using net::DhcpMessageType;
using net::DhcpReply;
using net::DhcpServer;
using net::Ipv4Address;
using net::MacAddress;

namespace {

Ipv4Address quad(u8 a, u8 b, u8 c, u8 d) { return { { a, b, c, d } }; }
MacAddress mac(u8 last) { return { { 0x52, 0x54, 0x00, 0x00, 0x00, last } }; }

constexpr Ipv4Address SERVER { { 10, 77, 0, 1 } };
constexpr Ipv4Address BROADCAST { { 255, 255, 255, 255 } };
constexpr u64 SECOND = 1000;

std::string text(StringView view) { return std::string(view.characters(), view.length()); }

OwnPtr<DhcpServer> make_server(char const* line = "", char const* gateway = nullptr)
{
    auto ip = net::parse_static_address("10.77.0.1/24"_sv);
    REQUIRE(!ip.is_error());
    net::IpConfig interface = ip.value();
    if (gateway)
        interface.gateway = net::parse_ipv4_address(StringView(gateway)).value();
    auto config = net::dhcp_server_config_from_command_line(CommandLine(StringView(line)), interface);
    REQUIRE(!config.is_error());
    auto server = DhcpServer::create(config.release_value());
    REQUIRE(!server.is_error());
    return server.release_value();
}

// What the server sent back: the reply and its bytes, decoded on demand (the
// decoded views point into bytes).
struct Answer {
    DhcpReply reply;
    std::vector<u8> bytes;

    bool sent() const { return reply.has_reply(); }
    DhcpMessage message() const
    {
        auto decoded = net::decode_dhcp_message(bytes.data(), bytes.size());
        REQUIRE(!decoded.is_error());
        return decoded.value();
    }
};

// A client: builds requests the way a PXE ROM or the kernel's DHCP client would.
struct Client {
    MacAddress hardware;
    std::optional<u16> architecture;
    u32 xid = 0x1000;

    DhcpMessage request(DhcpMessageType type)
    {
        DhcpMessage message;
        message.set_hardware_address(hardware);
        message.xid = ++xid;
        message.flags = net::DHCP_FLAG_BROADCAST;
        message.message_type = type;
        message.client_architecture = architecture;
        return message;
    }
    DhcpMessage discover(std::optional<Ipv4Address> requested = std::nullopt)
    {
        DhcpMessage message = request(DhcpMessageType::Discover);
        message.requested_address = requested;
        return message;
    }
    // SELECTING: answering an offer from server.
    DhcpMessage select(Ipv4Address address, Ipv4Address server = SERVER)
    {
        DhcpMessage message = request(DhcpMessageType::Request);
        message.requested_address = address;
        message.server_identifier = server;
        return message;
    }
    DhcpMessage init_reboot(Ipv4Address address)
    {
        DhcpMessage message = request(DhcpMessageType::Request);
        message.requested_address = address;
        return message;
    }
    DhcpMessage renew(Ipv4Address address)
    {
        DhcpMessage message = request(DhcpMessageType::Request);
        message.ciaddr = address;
        message.flags = 0;
        return message;
    }
    DhcpMessage release(Ipv4Address address)
    {
        DhcpMessage message = request(DhcpMessageType::Release);
        message.ciaddr = address;
        message.server_identifier = SERVER;
        return message;
    }
    DhcpMessage decline(Ipv4Address address)
    {
        DhcpMessage message = request(DhcpMessageType::Decline);
        message.requested_address = address;
        message.server_identifier = SERVER;
        return message;
    }
};

Answer send_bytes(DhcpServer& server, u8 const* bytes, usize size, u64 now_ms)
{
    Answer answer;
    u8 out[net::DHCP_MAX_MESSAGE_SIZE];
    auto reply = server.handle(bytes, size, now_ms, out, sizeof(out));
    REQUIRE(!reply.is_error());
    answer.reply = reply.value();
    REQUIRE(answer.reply.size <= sizeof(out));
    answer.bytes.assign(out, out + answer.reply.size);
    return answer;
}

Answer send(DhcpServer& server, DhcpMessage const& request, u64 now_ms)
{
    u8 bytes[net::DHCP_MAX_MESSAGE_SIZE];
    auto size = net::encode_dhcp_message(request, bytes, sizeof(bytes));
    REQUIRE(!size.is_error());
    return send_bytes(server, bytes, size.value(), now_ms);
}

// DISCOVER then REQUEST; returns the acknowledged address.
Ipv4Address bind(DhcpServer& server, Client& client, u64 now_ms)
{
    Answer offer = send(server, client.discover(), now_ms);
    REQUIRE(offer.reply.type == DhcpMessageType::Offer);
    Answer ack = send(server, client.select(offer.reply.address), now_ms);
    REQUIRE(ack.reply.type == DhcpMessageType::Ack);
    return ack.reply.address;
}

std::vector<net::DhcpLeaseInfo> leases(DhcpServer const& server, u64 now_ms)
{
    auto listed = server.leases(now_ms);
    REQUIRE(!listed.is_error());
    return std::vector<net::DhcpLeaseInfo>(listed.value().begin(), listed.value().end());
}

} // namespace

TEST_CASE("dhcp server: DISCOVER, OFFER, REQUEST, ACK", "[dhcp]")
{
    auto server = make_server("", "10.77.0.254");
    Client client { mac(2), net::dhcp_architecture::BIOS_X86 };

    DhcpMessage discover = client.discover();
    Answer offer = send(*server, discover, 1000);
    REQUIRE(offer.sent());
    CHECK(offer.reply.type == DhcpMessageType::Offer);
    CHECK(offer.reply.destination == BROADCAST);
    CHECK(offer.reply.is_broadcast());
    CHECK(offer.reply.destination_port == 68);
    CHECK(offer.reply.address == quad(10, 77, 0, 100));
    CHECK(offer.bytes.size() >= net::DHCP_MIN_MESSAGE_SIZE);
    DhcpMessage o = offer.message();
    CHECK(o.op == net::DhcpOp::Reply);
    CHECK(o.xid == discover.xid);
    CHECK(o.flags == net::DHCP_FLAG_BROADCAST);
    CHECK(o.hardware_address() == mac(2));
    CHECK(o.message_type == DhcpMessageType::Offer);
    CHECK(o.yiaddr == quad(10, 77, 0, 100));
    CHECK(o.ciaddr == quad(0, 0, 0, 0));
    CHECK(o.siaddr == SERVER);
    CHECK(o.server_identifier == SERVER);
    CHECK(o.lease_seconds == 3600u);
    CHECK(o.renewal_seconds == 1800u);
    CHECK(o.rebinding_seconds == 3150u);
    CHECK(o.subnet_mask == quad(255, 255, 255, 0));
    CHECK(o.router == quad(10, 77, 0, 254));
    CHECK(o.broadcast_address == quad(10, 77, 0, 255));
    CHECK(text(o.tftp_server_name) == "10.77.0.1");
    CHECK(text(o.boot_file_name) == "boot/grub/i386-pc/core.0");
    CHECK(text(o.boot_file) == "boot/grub/i386-pc/core.0");

    auto offered = leases(*server, 1000);
    REQUIRE(offered.size() == 1);
    CHECK(offered[0].state == DhcpLeaseState::Offered);
    CHECK(offered[0].seconds_left == 60);

    Answer ack = send(*server, client.select(o.yiaddr), 2000);
    REQUIRE(ack.sent());
    CHECK(ack.reply.type == DhcpMessageType::Ack);
    CHECK(ack.reply.destination == BROADCAST);
    DhcpMessage a = ack.message();
    CHECK(a.yiaddr == quad(10, 77, 0, 100));
    CHECK(a.lease_seconds == 3600u);
    CHECK(text(a.boot_file_name) == "boot/grub/i386-pc/core.0");

    auto bound = leases(*server, 2000 + 500);
    REQUIRE(bound.size() == 1);
    CHECK(bound[0].mac == mac(2));
    CHECK(bound[0].address == quad(10, 77, 0, 100));
    CHECK(bound[0].state == DhcpLeaseState::Bound);
    CHECK(bound[0].seconds_left == 3600); // 3599.5, rounded up
    CHECK(!bound[0].fixed);
    char line[net::DHCP_LEASE_LINE_CAPACITY];
    auto length = net::format_dhcp_lease_line(bound[0], line, sizeof(line));
    REQUIRE(!length.is_error());
    CHECK(std::string(line, length.value())
        == "mac=52:54:00:00:00:02 address=10.77.0.100 state=bound seconds_left=3600 kind=dynamic\n");
    CHECK(net::format_dhcp_lease_line(bound[0], line, 20).error() == Error::NoSpace);

    CHECK(server->counters().received == 2);
    CHECK(server->counters().offers == 1);
    CHECK(server->counters().acks == 1);
    CHECK(server->counters().ignored == 0);
    CHECK(server->counters().malformed == 0);
}

TEST_CASE("dhcp server: option 93 chooses the BIOS or the UEFI boot file", "[dhcp]")
{
    auto server = make_server();
    CHECK(server->boot_file_for(std::nullopt) == "boot/grub/i386-pc/core.0"_sv);
    CHECK(server->boot_file_for(u16(0)) == "boot/grub/i386-pc/core.0"_sv);
    CHECK(server->boot_file_for(u16(7)) == "boot/grub/x86_64-efi/core.efi"_sv);
    CHECK(server->boot_file_for(u16(9)) == "boot/grub/x86_64-efi/core.efi"_sv);
    CHECK(server->boot_file_for(u16(6)).is_empty()); // EFI IA32: no image for it
    CHECK(server->boot_file_for(u16(11)).is_empty()); // ARM64

    struct Case {
        std::optional<u16> architecture;
        char const* file;
    } cases[] = { { std::nullopt, "boot/grub/i386-pc/core.0" }, { 0, "boot/grub/i386-pc/core.0" },
        { 7, "boot/grub/x86_64-efi/core.efi" }, { 9, "boot/grub/x86_64-efi/core.efi" }, { 6, "" }, { 10, "" } };
    u8 last = 10;
    for (Case const& c : cases) {
        INFO(c.file);
        Client client { mac(last++), c.architecture };
        Answer offer = send(*server, client.discover(), 0);
        REQUIRE(offer.sent());
        DhcpMessage o = offer.message();
        CHECK(text(o.boot_file) == c.file);
        CHECK(text(o.boot_file_name) == c.file);
        // The TFTP server travels with a boot file; the address and next-server always.
        CHECK(o.tftp_server_name.is_empty() == (*c.file == 0));
        CHECK(o.siaddr == SERVER);
        CHECK(o.yiaddr.to_u32() != 0);
    }
}

TEST_CASE("dhcp server: a PXE client's offer says PXEClient, so it need not wait for a proxy", "[dhcp]")
{
    auto server = make_server();
    Client pxe { mac(40), u16(0) };
    DhcpMessage discover = pxe.discover();
    discover.vendor_class = "PXEClient:Arch:00000:UNDI:002001"_sv;
    Answer offer = send(*server, discover, 0);
    REQUIRE(offer.sent());
    CHECK(text(offer.message().vendor_class) == "PXEClient");
    CHECK(text(offer.message().boot_file) == "boot/grub/i386-pc/core.0");

    Client kernel { mac(41), std::nullopt }; // the kernel's own DHCP client sends no vendor class
    Answer plain = send(*server, kernel.discover(), 0);
    REQUIRE(plain.sent());
    CHECK(plain.message().vendor_class.is_empty());
}

TEST_CASE("dhcp server: fixed hosts get their address, which the range never hands out", "[dhcp]")
{
    auto server = make_server("dhcp_range=10.77.0.149-10.77.0.151 "
                              "dhcp_hosts=52:54:00:00:00:02+3=10.77.0.2,52:54:00:00:00:aa=10.77.0.150");
    Client node3 { mac(3) };
    CHECK(bind(*server, node3, 0) == quad(10, 77, 0, 3));
    Client fixed_in_range { mac(0xaa) };
    // Whatever it asks for, a fixed host is offered its own address.
    Answer offer = send(*server, fixed_in_range.discover(quad(10, 77, 0, 149)), 0);
    CHECK(offer.reply.address == quad(10, 77, 0, 150));
    // And is refused any other.
    Answer nak = send(*server, fixed_in_range.init_reboot(quad(10, 77, 0, 149)), 0);
    CHECK(nak.reply.type == DhcpMessageType::Nak);

    Client a { mac(0x20) }, b { mac(0x21) }, c { mac(0x22) };
    CHECK(bind(*server, a, 0) == quad(10, 77, 0, 149));
    CHECK(bind(*server, b, 0) == quad(10, 77, 0, 151));
    // .150 is free but fixed: the range is full.
    CHECK(!send(*server, c.discover(), 0).sent());
    CHECK(!send(*server, c.discover(quad(10, 77, 0, 150)), 0).sent());
    CHECK(send(*server, c.init_reboot(quad(10, 77, 0, 150)), 0).reply.type == DhcpMessageType::Nak);
    CHECK(server->counters().exhausted == 2);

    auto listed = leases(*server, 0);
    REQUIRE(listed.size() == 4);
    CHECK(listed[0].address == quad(10, 77, 0, 3)); // fixed first
    CHECK(listed[0].fixed);
    CHECK(listed[1].address == quad(10, 77, 0, 150));
    CHECK(listed[1].state == DhcpLeaseState::Offered);
    CHECK(listed[2].address == quad(10, 77, 0, 149));
    CHECK(!listed[2].fixed);
}

TEST_CASE("dhcp server: an exhausted range makes no offer until offers lapse", "[dhcp]")
{
    auto server = make_server("dhcp_range=10.77.0.100-10.77.0.101");
    Client a { mac(2) }, b { mac(3) }, c { mac(4) };
    CHECK(send(*server, a.discover(), 0).reply.address == quad(10, 77, 0, 100));
    CHECK(send(*server, b.discover(), 1 * SECOND).reply.address == quad(10, 77, 0, 101));
    Answer none = send(*server, c.discover(), 2 * SECOND);
    CHECK(!none.sent());
    CHECK(none.bytes.empty());
    CHECK(server->counters().exhausted == 1);
    // a's offer is held for 60 s, then taken back.
    CHECK(!send(*server, c.discover(), 59 * SECOND).sent());
    CHECK(send(*server, c.discover(), 60 * SECOND).reply.address == quad(10, 77, 0, 100));
    // A REQUEST for a lapsed offer that is still free is granted.
    CHECK(send(*server, b.select(quad(10, 77, 0, 101)), 70 * SECOND).reply.type == DhcpMessageType::Ack);
}

TEST_CASE("dhcp server: expired leases are reused; the old holder is refused", "[dhcp]")
{
    auto server = make_server("dhcp_range=10.77.0.100-10.77.0.100 dhcp_lease=60");
    Client a { mac(2) }, b { mac(3) };
    CHECK(bind(*server, a, 0) == quad(10, 77, 0, 100));
    CHECK(!send(*server, b.discover(), 30 * SECOND).sent());
    CHECK(leases(*server, 59 * SECOND).size() == 1);
    CHECK(leases(*server, 60 * SECOND).empty());
    CHECK(bind(*server, b, 61 * SECOND) == quad(10, 77, 0, 100));
    Answer nak = send(*server, a.renew(quad(10, 77, 0, 100)), 62 * SECOND);
    CHECK(nak.reply.type == DhcpMessageType::Nak);
    CHECK(nak.reply.destination == BROADCAST); // a NAK is always broadcast
}

TEST_CASE("dhcp server: renewing extends the lease, by unicast to the client", "[dhcp]")
{
    auto server = make_server("dhcp_lease=600");
    Client a { mac(2) };
    Ipv4Address address = bind(*server, a, 0);
    Answer ack = send(*server, a.renew(address), 300 * SECOND);
    REQUIRE(ack.reply.type == DhcpMessageType::Ack);
    CHECK(ack.reply.destination == address);
    CHECK(!ack.reply.is_broadcast());
    DhcpMessage m = ack.message();
    CHECK(m.ciaddr == address);
    CHECK(m.yiaddr == address);
    CHECK(m.lease_seconds == 600u);
    auto listed = leases(*server, 300 * SECOND);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].seconds_left == 600);
    // Still bound past the first lease's end.
    CHECK(leases(*server, 700 * SECOND).size() == 1);
    // A rebooted client asking for its address back (INIT-REBOOT) keeps it too.
    CHECK(send(*server, a.init_reboot(address), 800 * SECOND).reply.type == DhcpMessageType::Ack);
}

TEST_CASE("dhcp server: a DISCOVER from a bound client offers its address and keeps the lease", "[dhcp]")
{
    auto server = make_server();
    Client a { mac(2) };
    Ipv4Address address = bind(*server, a, 0);
    CHECK(send(*server, a.discover(), SECOND).reply.address == address);
    auto listed = leases(*server, 120 * SECOND); // past an offer's hold
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].state == DhcpLeaseState::Bound);
}

TEST_CASE("dhcp server: RELEASE frees the lease; the client gets it back later", "[dhcp]")
{
    auto server = make_server("dhcp_range=10.77.0.100-10.77.0.110");
    Client a { mac(2) }, b { mac(3) };
    Ipv4Address address = bind(*server, a, 0);
    Answer released = send(*server, a.release(address), SECOND);
    CHECK(!released.sent());
    CHECK(server->counters().releases == 1);
    CHECK(leases(*server, SECOND).empty());
    // A newcomer gets an address nobody used yet; a keeps its old one.
    CHECK(send(*server, b.discover(), 2 * SECOND).reply.address == quad(10, 77, 0, 101));
    CHECK(send(*server, a.discover(), 3 * SECOND).reply.address == address);
    // Releasing what one does not hold changes nothing.
    send(*server, b.release(address), 4 * SECOND);
    CHECK(server->counters().releases == 1);
    CHECK(leases(*server, 4 * SECOND).size() == 2);
}

TEST_CASE("dhcp server: DECLINE keeps the address from everyone for a while", "[dhcp]")
{
    auto server = make_server("dhcp_range=10.77.0.100-10.77.0.101");
    Client a { mac(2) }, b { mac(3) }, c { mac(4) };
    Ipv4Address address = bind(*server, a, 0);
    CHECK(!send(*server, a.decline(address), SECOND).sent());
    CHECK(server->counters().declines == 1);
    auto listed = leases(*server, SECOND);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].state == DhcpLeaseState::Declined);
    CHECK(listed[0].mac == MacAddress {});
    CHECK(listed[0].seconds_left == 600);
    // a starts over and gets the other address; then the range is full.
    CHECK(bind(*server, a, 2 * SECOND) == quad(10, 77, 0, 101));
    CHECK(!send(*server, b.discover(), 3 * SECOND).sent());
    CHECK(send(*server, c.init_reboot(address), 3 * SECOND).reply.type == DhcpMessageType::Nak);
    // Ten minutes on it is free again.
    CHECK(send(*server, b.discover(), 601 * SECOND).reply.address == address);
    // Declining an address one does not hold is ignored.
    u64 ignored = server->counters().ignored;
    send(*server, c.decline(quad(10, 77, 0, 101)), 602 * SECOND);
    CHECK(server->counters().ignored == ignored + 1);
    CHECK(server->counters().declines == 1);
}

TEST_CASE("dhcp server: requests for addresses it cannot give are NAKed", "[dhcp]")
{
    auto server = make_server();
    Client a { mac(2) }, b { mac(3) };
    Ipv4Address address = bind(*server, a, 0);

    Answer foreign = send(*server, b.init_reboot(quad(192, 168, 1, 20)), SECOND); // another network
    REQUIRE(foreign.reply.type == DhcpMessageType::Nak);
    CHECK(foreign.reply.destination == BROADCAST);
    CHECK(foreign.reply.address == quad(0, 0, 0, 0));
    DhcpMessage nak = foreign.message();
    CHECK(nak.message_type == DhcpMessageType::Nak);
    CHECK(nak.server_identifier == SERVER);
    CHECK(nak.yiaddr == quad(0, 0, 0, 0));
    CHECK(nak.siaddr == quad(0, 0, 0, 0));
    CHECK(!nak.lease_seconds);
    CHECK(nak.boot_file.is_empty());

    CHECK(send(*server, b.init_reboot(address), SECOND).reply.type == DhcpMessageType::Nak); // a's
    CHECK(send(*server, b.select(address), SECOND).reply.type == DhcpMessageType::Nak);
    CHECK(send(*server, b.renew(quad(10, 77, 0, 50)), SECOND).reply.type == DhcpMessageType::Nak); // out of range
    CHECK(send(*server, b.init_reboot(SERVER), SECOND).reply.type == DhcpMessageType::Nak);
    CHECK(server->counters().naks == 5);
    // a's lease is untouched.
    CHECK(send(*server, a.renew(address), 2 * SECOND).reply.type == DhcpMessageType::Ack);
}

TEST_CASE("dhcp server: DISCOVER honours a requested address when it can", "[dhcp]")
{
    auto server = make_server();
    Client a { mac(2) }, b { mac(3) };
    CHECK(send(*server, a.discover(quad(10, 77, 0, 150)), 0).reply.address == quad(10, 77, 0, 150));
    CHECK(send(*server, b.discover(quad(10, 77, 0, 150)), 0).reply.address == quad(10, 77, 0, 100)); // taken
    Client c { mac(4) };
    CHECK(send(*server, c.discover(quad(10, 77, 0, 20)), 0).reply.address == quad(10, 77, 0, 101)); // out of range
}

TEST_CASE("dhcp server: a REQUEST for another server withdraws our offer", "[dhcp]")
{
    auto server = make_server("dhcp_range=10.77.0.100-10.77.0.100");
    Client a { mac(2) }, b { mac(3) };
    Answer offer = send(*server, a.discover(), 0);
    REQUIRE(offer.sent());
    Answer elsewhere = send(*server, a.select(quad(10, 77, 0, 77), quad(10, 77, 0, 9)), SECOND);
    CHECK(!elsewhere.sent());
    CHECK(server->counters().ignored == 1);
    CHECK(leases(*server, SECOND).empty());
    CHECK(send(*server, b.discover(), 2 * SECOND).reply.address == quad(10, 77, 0, 100));
    // DECLINE and RELEASE naming another server are not ours either.
    DhcpMessage foreign_decline = b.decline(quad(10, 77, 0, 100));
    foreign_decline.server_identifier = quad(10, 77, 0, 9);
    CHECK(!send(*server, foreign_decline, 3 * SECOND).sent());
    DhcpMessage foreign_release = b.release(quad(10, 77, 0, 100));
    foreign_release.server_identifier = quad(10, 77, 0, 9);
    CHECK(!send(*server, foreign_release, 3 * SECOND).sent());
    CHECK(server->counters().ignored == 3);
    CHECK(server->counters().declines == 0);
    CHECK(leases(*server, 3 * SECOND).size() == 1);
    // Declining an offer (the client found the address in use) is fine.
    send(*server, b.decline(quad(10, 77, 0, 100)), 4 * SECOND);
    CHECK(server->counters().declines == 1);
}

TEST_CASE("dhcp server: INFORM gets the configuration without a lease", "[dhcp]")
{
    auto server = make_server();
    Client a { mac(2) };
    DhcpMessage inform = a.request(DhcpMessageType::Inform);
    inform.ciaddr = quad(10, 77, 0, 50);
    Answer ack = send(*server, inform, 0);
    REQUIRE(ack.reply.type == DhcpMessageType::Ack);
    CHECK(ack.reply.destination == quad(10, 77, 0, 50));
    DhcpMessage m = ack.message();
    CHECK(m.yiaddr == quad(0, 0, 0, 0));
    CHECK(m.ciaddr == quad(10, 77, 0, 50));
    CHECK(!m.lease_seconds);
    CHECK(!m.renewal_seconds);
    CHECK(m.subnet_mask == quad(255, 255, 255, 0));
    CHECK(text(m.boot_file_name) == "boot/grub/i386-pc/core.0");
    CHECK(leases(*server, 0).empty());

    inform.ciaddr = {};
    CHECK(!send(*server, inform, 0).sent());
    CHECK(server->counters().ignored == 1);
}

TEST_CASE("dhcp server: replies, other hardware, relays and types it does not serve are ignored", "[dhcp]")
{
    auto server = make_server();
    Client a { mac(2) };
    std::vector<DhcpMessage> ignored(6, a.discover());
    ignored[0].op = net::DhcpOp::Reply;
    ignored[1].htype = 6; // token ring
    ignored[2].hlen = 16;
    ignored[3].set_hardware_address({});
    ignored[4].set_hardware_address({ { 0x01, 0, 0x5e, 0, 0, 1 } }); // multicast
    ignored[5].giaddr = quad(10, 1, 0, 1);                           // relayed
    ignored.push_back(a.request(DhcpMessageType::None)); // plain BOOTP
    ignored.push_back(a.request(DhcpMessageType::Offer));
    ignored.push_back(a.request(DhcpMessageType::Ack));
    ignored.push_back(a.request(DhcpMessageType(42)));
    ignored.push_back(a.request(DhcpMessageType::Request)); // no ciaddr, 50 or 54
    DhcpMessage select_without_address = a.request(DhcpMessageType::Request);
    select_without_address.server_identifier = SERVER;
    ignored.push_back(select_without_address);
    for (usize i = 0; i < ignored.size(); ++i) {
        INFO(i);
        CHECK(!send(*server, ignored[i], 0).sent());
    }
    CHECK(server->counters().ignored == ignored.size());
    CHECK(server->counters().received == ignored.size());
    CHECK(server->counters().offers == 0);
    CHECK(leases(*server, 0).empty());
}

TEST_CASE("dhcp server: truncated and garbage datagrams are refused and counted", "[dhcp]")
{
    auto server = make_server();
    Client a { mac(2) };
    u8 bytes[net::DHCP_MAX_MESSAGE_SIZE];
    usize size = net::encode_dhcp_message(a.discover(), bytes, sizeof(bytes)).value();
    u8 out[net::DHCP_MAX_MESSAGE_SIZE];

    CHECK(server->handle(bytes, 100, 0, out, sizeof(out)).error() == Error::BadMessage);
    u8 garbage[400];
    for (usize i = 0; i < sizeof(garbage); ++i)
        garbage[i] = u8(i * 37 + 11);
    garbage[0] = 1;
    CHECK(server->handle(garbage, sizeof(garbage), 0, out, sizeof(out)).is_error());
    u8 no_cookie[300];
    memcpy(no_cookie, bytes, sizeof(no_cookie));
    no_cookie[236] = 0;
    CHECK(server->handle(no_cookie, sizeof(no_cookie), 0, out, sizeof(out)).error() == Error::Protocol);
    u8 bad_option[300];
    memcpy(bad_option, bytes, sizeof(bad_option));
    bad_option[240] = 53;
    bad_option[241] = 200; // runs past the end
    CHECK(server->handle(bad_option, sizeof(bad_option), 0, out, sizeof(out)).error() == Error::BadMessage);
    CHECK(server->handle(nullptr, 0, 0, out, sizeof(out)).error() == Error::BadMessage);
    CHECK(server->counters().malformed == 5);
    CHECK(server->counters().received == 5);
    CHECK(server->counters().offers == 0);

    // And it still serves.
    CHECK(send_bytes(*server, bytes, size, 0).reply.type == DhcpMessageType::Offer);

    char line[net::DHCP_COUNTERS_LINE_CAPACITY];
    auto length = net::format_dhcp_counters_line(server->counters(), line, sizeof(line));
    REQUIRE(!length.is_error());
    CHECK(std::string(line, length.value())
        == "received=6 malformed=5 ignored=0 exhausted=0 offers=1 acks=0 naks=0 releases=0 declines=0\n");
}

TEST_CASE("dhcp server: a reply buffer too small is NoSpace and holds nothing", "[dhcp]")
{
    auto server = make_server();
    Client a { mac(2) };
    u8 bytes[net::DHCP_MAX_MESSAGE_SIZE];
    usize size = net::encode_dhcp_message(a.discover(), bytes, sizeof(bytes)).value();
    u8 out[net::DHCP_MIN_MESSAGE_SIZE - 1];
    CHECK(server->handle(bytes, size, 0, out, sizeof(out)).error() == Error::NoSpace);
    CHECK(leases(*server, 0).empty());
    CHECK(server->counters().offers == 0);
}

TEST_CASE("dhcp server: the router's address in the range is never handed out", "[dhcp]")
{
    auto server = make_server("dhcp_range=10.77.0.100-10.77.0.101", "10.77.0.100");
    Client a { mac(2) }, b { mac(3) };
    CHECK(send(*server, a.discover(quad(10, 77, 0, 100)), 0).reply.address == quad(10, 77, 0, 101));
    CHECK(!send(*server, b.discover(), 0).sent());

    net::DhcpServerConfig config; // and a configuration that does not validate makes no server
    config.server_address = SERVER;
    config.range = net::DhcpAddressRange { quad(10, 77, 0, 1), quad(10, 77, 0, 10) };
    CHECK(DhcpServer::create(std::move(config)).error() == Error::InvalidArgument);
}

TEST_CASE("dhcp server: a fixed-hosts-only server serves its hosts and no one else", "[dhcp]")
{
    auto server = make_server("dhcp_range=none dhcp_hosts=52:54:00:00:00:02+2=10.77.0.2");
    Client node2 { mac(2) }, stranger { mac(9) };
    CHECK(bind(*server, node2, 0) == quad(10, 77, 0, 2));
    CHECK(!send(*server, stranger.discover(), 0).sent());
    CHECK(send(*server, stranger.init_reboot(quad(10, 77, 0, 3)), 0).reply.type == DhcpMessageType::Nak);
    // A fixed host's declined address: no offer until the hold ends.
    CHECK(!send(*server, node2.decline(quad(10, 77, 0, 2)), SECOND).sent());
    CHECK(!send(*server, node2.discover(), 2 * SECOND).sent());
    auto listed = leases(*server, 2 * SECOND);
    REQUIRE(listed.size() == 1);
    CHECK(listed[0].mac == mac(2));
    CHECK(listed[0].state == DhcpLeaseState::Declined);
    CHECK(send(*server, node2.discover(), 602 * SECOND).reply.address == quad(10, 77, 0, 2));
}
