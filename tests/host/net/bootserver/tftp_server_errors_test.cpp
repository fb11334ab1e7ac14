// TFTP server tests, everything that is refused or goes wrong: paths out of the
// tree, unknown files, writes, other modes, garbage, strangers (unknown transfer
// IDs), a client's ERROR, read and socket failures, limits; and the /proc lines.
#include "tests/host/net/bootserver/tftp_test_fakes.h"

using namespace tftp_test;

namespace {

// The one datagram sent, which must be an ERROR with this code, from socket.
void expect_error(Harness& harness, TftpEndpoint to, TftpErrorCode code,
    TftpTransferId socket = TFTP_REQUEST_SOCKET)
{
    SentDatagram sent = harness.transport.take_one();
    CHECK(sent.to == to);
    CHECK(sent.socket == socket);
    TftpPacket packet = sent.decoded();
    REQUIRE(packet.opcode == TftpOpcode::Error);
    CHECK(packet.error_code == u16(code));
    CHECK(!packet.error_message.is_empty());
}


} // namespace

TEST_CASE("tftp server: paths out of the tree get Access violation and open nothing", "[tftp]")
{
    Harness harness;
    harness.source.add("etc/passwd", pattern(10));
    TftpEndpoint client = endpoint(5, 2000);
    for (char const* name : { "../../etc/passwd", "boot/../../etc/passwd", "/etc/passwd", "..\\..\\etc\\passwd",
             "..", "/", "a\x01" }) {
        INFO(name);
        harness.request(client, StringView(name));
        expect_error(harness, client, TftpErrorCode::AccessViolation);
    }
    CHECK(harness.source.opened.empty());
    CHECK(harness.transport.opened.empty());
    CHECK(harness.server->counters().errors_sent[u16(TftpErrorCode::AccessViolation)] == 7);
}

TEST_CASE("tftp server: with leading slashes allowed, they name the netboot root", "[tftp]")
{
    TftpServerConfig config;
    config.path_policy.allow_leading_slash = true;
    Harness harness(config);
    harness.source.add("boot/grub/grub.cfg", pattern(42));
    auto result = run_transfer(harness, endpoint(5, 2000), "/boot/grub/grub.cfg"_sv);
    CHECK(result.bytes == pattern(42));
    CHECK(harness.source.opened == std::vector<std::string> { "boot/grub/grub.cfg" });

    harness.request(endpoint(5, 2001), "/etc/passwd"_sv);
    expect_error(harness, endpoint(5, 2001), TftpErrorCode::FileNotFound);
    CHECK(harness.source.opened.back() == "etc/passwd");
    harness.request(endpoint(5, 2001), "/../etc/passwd"_sv);
    expect_error(harness, endpoint(5, 2001), TftpErrorCode::AccessViolation);
}

TEST_CASE("tftp server: unknown files and directories are refused", "[tftp]")
{
    Harness harness;
    harness.source.add_directory("boot");
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "nonexistent"_sv);
    expect_error(harness, client, TftpErrorCode::FileNotFound);
    harness.request(client, "boot"_sv);
    expect_error(harness, client, TftpErrorCode::AccessViolation);
    CHECK(harness.server->active_transfers() == 0);
    CHECK(harness.transport.opened.empty());
}

TEST_CASE("tftp server: writes are refused: the server is read-only", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(10));
    TftpEndpoint client = endpoint(5, 2000);
    harness.deliver(TFTP_REQUEST_SOCKET, client, request_bytes("f"_sv, {}, TftpOpcode::WriteRequest));
    expect_error(harness, client, TftpErrorCode::AccessViolation);
    CHECK(harness.source.opened.empty());
    CHECK(harness.server->counters().requests == 1);
}

TEST_CASE("tftp server: only octet mode is served", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(10));
    TftpEndpoint client = endpoint(5, 2000);
    harness.deliver(TFTP_REQUEST_SOCKET, client, request_bytes("f"_sv, {}, TftpOpcode::ReadRequest, "netascii"_sv));
    expect_error(harness, client, TftpErrorCode::IllegalOperation);
    harness.deliver(TFTP_REQUEST_SOCKET, client, request_bytes("f"_sv, {}, TftpOpcode::ReadRequest, "OCTET"_sv));
    CHECK(harness.transport.take_one().opcode() == TftpOpcode::Data);
}

TEST_CASE("tftp server: garbage at the request port is dropped; a malformed request is answered", "[tftp]")
{
    Harness harness;
    TftpEndpoint client = endpoint(5, 2000);
    harness.deliver(TFTP_REQUEST_SOCKET, client, std::vector<u8> { 0, 1, 'f' }); // RRQ without NULs
    expect_error(harness, client, TftpErrorCode::IllegalOperation);
    harness.deliver(TFTP_REQUEST_SOCKET, client, std::vector<u8> { 0, 2, 0 }); // WRQ, empty name
    expect_error(harness, client, TftpErrorCode::IllegalOperation);
    for (std::vector<u8> garbage : { std::vector<u8> {}, std::vector<u8> { 1 }, std::vector<u8> { 0, 9, 1, 2 },
             std::vector<u8> { 0xff, 0xff, 0, 0 }, std::vector<u8> { 0, 3, 0 } }) {
        harness.deliver(TFTP_REQUEST_SOCKET, client, garbage);
        CHECK(harness.transport.take().empty());
    }
    CHECK(harness.server->counters().malformed == 7);
    CHECK(harness.server->active_transfers() == 0);
}

TEST_CASE("tftp server: garbage from the client at its transfer socket is ignored", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(1000));
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "f"_sv);
    TftpTransferId socket = harness.transport.take_one().socket;
    harness.deliver(socket, client, std::vector<u8> { 0, 4, 0 });
    harness.deliver(socket, client, std::vector<u8> { 7 });
    harness.deliver(socket, client, std::vector<u8> { 0, 3, 0, 1, 'x' }); // DATA to a read transfer
    harness.deliver(socket, client, request_bytes("f"_sv));               // a request at the wrong port
    CHECK(harness.transport.take().empty());
    CHECK(harness.server->counters().malformed == 4);
    harness.deliver(socket, client, ack_bytes(1));
    CHECK(harness.transport.take_one().decoded().block == 2);
}

TEST_CASE("tftp server: an ERROR from the client ends its transfer without a reply", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(5000));
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "f"_sv, TftpOptions { 1024, 0, true, 0 });
    TftpTransferId socket = harness.transport.take_one().socket;
    harness.deliver(socket, client, ack_bytes(0));
    harness.transport.take_one();
    // GRUB closing a file it has read enough of.
    harness.deliver(socket, client, error_bytes(0, "closed"_sv));
    CHECK(harness.transport.take().empty());
    CHECK(harness.server->active_transfers() == 0);
    CHECK(harness.transport.closed == std::vector<TftpTransferId> { socket });
    CHECK(harness.server->counters().client_errors == 1);
    CHECK(harness.server->counters().files_sent == 0);
    harness.tick(10000);
    CHECK(harness.transport.take().empty());
}

TEST_CASE("tftp server: strangers get Unknown transfer ID and the transfer carries on", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(1000));
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "f"_sv);
    TftpTransferId socket = harness.transport.take_one().socket;

    SECTION("an ACK at port 69 from no transfer's client")
    {
        harness.deliver(TFTP_REQUEST_SOCKET, endpoint(9, 999), ack_bytes(1));
        expect_error(harness, endpoint(9, 999), TftpErrorCode::UnknownTransferId);
    }
    SECTION("the client's own ACK at port 69 when it has a socket of its own")
    {
        harness.deliver(TFTP_REQUEST_SOCKET, client, ack_bytes(1));
        expect_error(harness, client, TftpErrorCode::UnknownTransferId);
    }
    SECTION("a packet at the transfer's socket from another port of the same host")
    {
        harness.deliver(socket, endpoint(5, 2001), ack_bytes(1));
        expect_error(harness, endpoint(5, 2001), TftpErrorCode::UnknownTransferId, socket);
    }
    SECTION("garbage at the transfer's socket from another host")
    {
        harness.deliver(socket, endpoint(6, 2000), std::vector<u8> { 1, 2, 3 });
        expect_error(harness, endpoint(6, 2000), TftpErrorCode::UnknownTransferId, socket);
    }
    SECTION("an ERROR from a stranger is never answered and ends nothing")
    {
        harness.deliver(TFTP_REQUEST_SOCKET, endpoint(9, 999), error_bytes(5, "x"_sv));
        harness.deliver(socket, endpoint(9, 999), error_bytes(0, "x"_sv));
        CHECK(harness.transport.take().empty());
    }
    SECTION("a datagram for a transfer that has just ended is dropped")
    {
        harness.deliver(socket + 100, client, ack_bytes(1));
        CHECK(harness.transport.take().empty());
    }
    CHECK(harness.server->active_transfers() == 1);
    harness.deliver(socket, client, ack_bytes(1));
    CHECK(harness.transport.take_one().decoded().block == 2);
}

TEST_CASE("tftp server: a read error ends the transfer with an ERROR from its socket", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(2000));
    harness.source.fail_reads_past(1000);
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "f"_sv);
    TftpTransferId socket = harness.transport.take_one().socket;
    harness.deliver(socket, client, ack_bytes(1));
    expect_error(harness, client, TftpErrorCode::NotDefined, socket);
    CHECK(harness.server->active_transfers() == 0);
    CHECK(harness.transport.closed == std::vector<TftpTransferId> { socket });

    // Failing on the very first block: answered from the request port, no socket taken.
    harness.source.fail_reads_past(0);
    harness.request(client, "f"_sv);
    expect_error(harness, client, TftpErrorCode::NotDefined);
    CHECK(harness.transport.opened.size() == 1);
}

TEST_CASE("tftp server: without a socket for the transfer, the request gets an ERROR", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(10));
    harness.transport.fail_open = true;
    harness.request(endpoint(5, 2000), "f"_sv);
    expect_error(harness, endpoint(5, 2000), TftpErrorCode::NotDefined);
    CHECK(harness.server->active_transfers() == 0);
    harness.transport.fail_open = false;
    auto result = run_transfer(harness, endpoint(5, 2000), "f"_sv);
    CHECK(result.bytes == pattern(10));
}

TEST_CASE("tftp server: requests past max_transfers are refused until one ends", "[tftp]")
{
    TftpServerConfig config;
    config.max_transfers = 2;
    Harness harness(config);
    harness.source.add("f", pattern(100));
    harness.request(endpoint(1, 1), "f"_sv);
    harness.request(endpoint(2, 1), "f"_sv);
    auto first = harness.transport.take();
    REQUIRE(first.size() == 2);
    harness.request(endpoint(3, 1), "f"_sv);
    expect_error(harness, endpoint(3, 1), TftpErrorCode::NotDefined);
    harness.deliver(first[0].socket, endpoint(1, 1), ack_bytes(1)); // done
    harness.request(endpoint(3, 1), "f"_sv);
    CHECK(harness.transport.take_one().opcode() == TftpOpcode::Data);
}

TEST_CASE("tftp server: bad configurations are refused", "[tftp]")
{
    MemorySource source;
    RecordingTransport transport;
    TftpServerConfig config;
    config.limits.max_block_size = 7;
    CHECK(TftpServer::create(config, source, transport).error() == Error::InvalidArgument);
    config.limits.max_block_size = 512;
    config.limits.default_timeout_ms = 0;
    CHECK(TftpServer::create(config, source, transport).error() == Error::InvalidArgument);
    config.limits.default_timeout_ms = 1000;
    config.max_transfers = 0;
    CHECK(TftpServer::create(config, source, transport).error() == Error::InvalidArgument);
    config.max_transfers = 1;
    CHECK(!TftpServer::create(config, source, transport).is_error());
}

TEST_CASE("tftp server: destroying the server closes the sockets of its transfers", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(10000));
    harness.request(endpoint(1, 1), "f"_sv);
    harness.request(endpoint(2, 1), "f"_sv);
    CHECK(harness.transport.open.size() == 2);
    harness.server = nullptr;
    CHECK(harness.transport.open.empty());
}

TEST_CASE("tftp server: the status lines list transfers and counters", "[tftp]")
{
    Harness harness;
    harness.source.add("boot/unum.elf", pattern(4000));
    TftpEndpoint client = { { { 10, 77, 0, 2 } }, 2070 };
    harness.request(client, "boot/unum.elf"_sv, TftpOptions { 1468, 0, true, 0 });
    TftpTransferId socket = harness.transport.take_one().socket;
    harness.deliver(socket, client, ack_bytes(0));
    harness.transport.take_one();
    harness.deliver(socket, client, ack_bytes(1));
    harness.transport.take_one();
    harness.now_ms += 250;

    auto infos = harness.server->transfers(harness.now_ms);
    REQUIRE(!infos.is_error());
    REQUIRE(infos.value().size() == 1);
    TftpTransferInfo const& info = infos.value()[0];
    CHECK(info.bytes_acked == 1468);
    CHECK(info.block == 2);
    char line[TFTP_STATUS_LINE_CAPACITY];
    auto length = format_tftp_transfer_line(info, line, sizeof(line));
    REQUIRE(!length.is_error());
    CHECK(std::string(line, length.value())
        == "id=" + std::to_string(socket)
            + " client=10.77.0.2:2070 size=4000 acked=1468 blksize=1468 block=2 timeout_ms=1000 retries=0 "
              "age_ms=250 file=boot/unum.elf\n");
    CHECK(format_tftp_transfer_line(info, line, 20).error() == Error::NoSpace);

    harness.request(client, "missing"_sv); // ends the transfer (a new request), then not found
    harness.transport.take();
    auto counters = format_tftp_counters_line(harness.server->counters(), line, sizeof(line));
    REQUIRE(!counters.is_error());
    CHECK(std::string(line, counters.value())
        == "requests=2 started=1 files=0 bytes=2936 packets=4 retransmits=0 timeouts=0 client_errors=0 "
           "dup_acks=0 malformed=0 err_undef=0 err_notfound=1 err_access=0 err_full=0 err_illegal=0 err_tid=0 "
           "err_exists=0 err_user=0 err_option=0\n");
    CHECK(format_tftp_counters_line(harness.server->counters(), line, 40).error() == Error::NoSpace);

    // The longest line fits the advertised capacity.
    TftpTransferInfo longest;
    longest.id = u32(-1);
    longest.client = { { { 255, 255, 255, 255 } }, 65535 };
    longest.path.length = TFTP_MAX_PATH_LENGTH;
    memset(longest.path.characters, 'x', TFTP_MAX_PATH_LENGTH);
    longest.file_size = longest.bytes_acked = longest.age_ms = u64(-1);
    longest.block_size = longest.block = 65535;
    longest.timeout_ms = u32(-1);
    longest.retries = 255;
    CHECK(!format_tftp_transfer_line(longest, line, sizeof(line)).is_error());
    TftpCounters most;
    most.requests = most.transfers_started = most.files_sent = most.bytes_sent = most.packets_sent = u64(-1);
    most.retransmissions = most.timeouts = most.client_errors = most.duplicate_acks = most.malformed = u64(-1);
    for (u64& sent : most.errors_sent)
        sent = u64(-1);
    CHECK(!format_tftp_counters_line(most, line, sizeof(line)).is_error());
}

TEST_CASE("tftp server: with one shared socket, datagrams for transfer sockets are dropped", "[tftp]")
{
    // Found by the fuzzer: a stranger's packet "at" transfer 1's socket was
    // answered from that socket, which the glue never opened in this mode.
    TftpServerConfig config;
    config.separate_transfer_sockets = false;
    Harness harness(config);
    harness.source.add("f", pattern(1000));
    harness.request(endpoint(5, 2000), "f"_sv);
    harness.transport.take_one();
    harness.deliver(1, endpoint(6, 2000), ack_bytes(1));
    harness.deliver(1, endpoint(5, 2000), ack_bytes(1));
    CHECK(harness.transport.take().empty());
    CHECK(harness.server->counters().malformed == 2);
    harness.deliver(TFTP_REQUEST_SOCKET, endpoint(5, 2000), ack_bytes(1));
    CHECK(harness.transport.take_one().decoded().block == 2);
}
