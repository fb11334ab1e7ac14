// TFTP server tests, the transfers themselves: whole files of every shape
// checked byte by byte, option negotiation, block numbers past 65535, lost DATA
// and lost ACKs, giving up, concurrent clients and a transfer per socket.
#include "tests/host/net/bootserver/tftp_test_fakes.h"

using namespace tftp_test;

namespace {

TftpOptions grub_options()
{
    TftpOptions options;
    options.block_size = 1024;
    options.has_transfer_size = true;
    return options;
}

TftpOptions block_size_option(u16 block_size)
{
    TftpOptions options;
    options.block_size = block_size;
    return options;
}

} // namespace

TEST_CASE("tftp server: a small file without options is one short DATA block", "[tftp]")
{
    Harness harness;
    harness.source.add("grub.cfg", pattern(100));
    auto result = run_transfer(harness, endpoint(5, 2000), "grub.cfg"_sv);
    CHECK(result.bytes == pattern(100));
    CHECK(result.blocks == std::vector<u16> { 1 });
    CHECK(!result.option_ack);
    CHECK(result.socket != TFTP_REQUEST_SOCKET);
    CHECK(harness.transport.opened == std::vector<TftpTransferId> { result.socket });
    CHECK(harness.transport.closed == std::vector<TftpTransferId> { result.socket });
    CHECK(harness.server->active_transfers() == 0);
    auto const& counters = harness.server->counters();
    CHECK(counters.requests == 1);
    CHECK(counters.transfers_started == 1);
    CHECK(counters.files_sent == 1);
    CHECK(counters.bytes_sent == 100);
    CHECK(counters.packets_sent == 1);
    CHECK(counters.retransmissions == 0);
}

TEST_CASE("tftp server: empty and exact-multiple files end with an empty block", "[tftp]")
{
    Harness harness;
    harness.source.add("empty", {});
    harness.source.add("two-blocks", pattern(1024));
    harness.source.add("one-short", pattern(1023));

    auto empty = run_transfer(harness, endpoint(5, 2000), "empty"_sv);
    CHECK(empty.bytes.empty());
    CHECK(empty.blocks == std::vector<u16> { 1 });

    auto exact = run_transfer(harness, endpoint(5, 2001), "two-blocks"_sv);
    CHECK(exact.bytes == pattern(1024));
    CHECK(exact.blocks == std::vector<u16> { 1, 2, 3 });

    auto short_last = run_transfer(harness, endpoint(5, 2002), "one-short"_sv);
    CHECK(short_last.bytes == pattern(1023));
    CHECK(short_last.blocks == std::vector<u16> { 1, 2 });
    CHECK(harness.server->counters().files_sent == 3);
}

TEST_CASE("tftp server: GRUB's options get an OACK with the file size, then blocks of 1024", "[tftp]")
{
    Harness harness;
    harness.source.add("boot/unum.elf", pattern(300000, 3));
    auto result = run_transfer(harness, endpoint(9, 49152), "boot/unum.elf"_sv, grub_options());
    REQUIRE(result.option_ack);
    CHECK(result.option_ack->block_size == 1024);
    CHECK(result.option_ack->has_transfer_size);
    CHECK(result.option_ack->transfer_size == 300000);
    CHECK(result.option_ack->timeout_seconds == 0);
    CHECK(result.bytes == pattern(300000, 3));
    CHECK(result.blocks.size() == 300000u / 1024 + 1);
    CHECK(harness.server->counters().bytes_sent == 300000);
}

TEST_CASE("tftp server: blksize 1468 and 512 transfer a large file intact", "[tftp]")
{
    for (u16 block_size : { u16(1468), u16(512) }) {
        INFO("blksize " << block_size);
        Harness harness;
        harness.source.add("initrd", pattern(2 * 1024 * 1024 + 17, 4));
        auto result = run_transfer(harness, endpoint(7, 3000), "initrd"_sv, block_size_option(block_size));
        REQUIRE(result.option_ack);
        CHECK(result.option_ack->block_size == block_size);
        CHECK(!result.option_ack->has_transfer_size);
        CHECK(result.bytes == pattern(2 * 1024 * 1024 + 17, 4));
        CHECK(result.blocks.size() == (2u * 1024 * 1024 + 17) / block_size + 1);
    }
}

TEST_CASE("tftp server: a block size above the server's maximum is granted as the maximum", "[tftp]")
{
    SECTION("the default maximum fits an Ethernet frame")
    {
        Harness harness;
        harness.source.add("f", pattern(5000));
        auto result = run_transfer(harness, endpoint(7, 3000), "f"_sv, block_size_option(65464));
        CHECK(result.option_ack->block_size == TFTP_ETHERNET_BLOCK_SIZE);
        CHECK(result.bytes == pattern(5000));
    }
    SECTION("a larger maximum is used when configured")
    {
        TftpServerConfig config;
        config.limits.max_block_size = TFTP_MAX_BLOCK_SIZE;
        Harness harness(config);
        harness.source.add("f", pattern(200000));
        auto result = run_transfer(harness, endpoint(7, 3000), "f"_sv, block_size_option(9000));
        CHECK(result.option_ack->block_size == 9000);
        CHECK(result.bytes == pattern(200000));
        result = run_transfer(harness, endpoint(7, 3001), "f"_sv, block_size_option(65464));
        CHECK(result.option_ack->block_size == 65464);
        CHECK(result.bytes == pattern(200000));
    }
}

TEST_CASE("tftp server: block numbers wrap from 65535 to 0 on a big file", "[tftp]")
{
    Harness harness;
    usize size = (65536 + 20) * 8 + 3; // blksize 8: 65557 blocks
    harness.source.add("big", pattern(size, 5));
    auto result = run_transfer(harness, endpoint(3, 4000), "big"_sv, block_size_option(8));
    CHECK(result.bytes == pattern(size, 5));
    REQUIRE(result.blocks.size() == 65557);
    CHECK(result.blocks[0] == 1);
    CHECK(result.blocks[65534] == 65535);
    CHECK(result.blocks[65535] == 0);
    CHECK(result.blocks[65536] == 1);
    CHECK(result.blocks.back() == 21); // block 65557
    for (usize i = 0; i < result.blocks.size(); ++i)
        REQUIRE(result.blocks[i] == u16(i + 1));
}

TEST_CASE("tftp server: lost DATA is resent after the timeout, identical, from the same socket", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(1500));
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "f"_sv);
    SentDatagram first = harness.transport.take_one(); // "lost"
    CHECK(first.decoded().block == 1);

    harness.tick(999);
    CHECK(harness.transport.take().empty());
    harness.tick(1);
    SentDatagram again = harness.transport.take_one();
    CHECK(again.socket == first.socket);
    CHECK(again.bytes == first.bytes);
    CHECK(harness.server->counters().retransmissions == 1);

    harness.deliver(first.socket, client, ack_bytes(1));
    SentDatagram second = harness.transport.take_one();
    CHECK(second.decoded().block == 2);
    // An acknowledgment resets the clock and the retry count.
    harness.tick(999);
    CHECK(harness.transport.take().empty());
    harness.tick(1);
    CHECK(harness.transport.take_one().bytes == second.bytes);
    harness.deliver(first.socket, client, ack_bytes(2));
    CHECK(harness.transport.take_one().decoded().block == 3);
}

TEST_CASE("tftp server: a lost ACK is recovered and duplicate ACKs are not answered", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(2000));
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "f"_sv);
    TftpTransferId socket = harness.transport.take_one().socket;
    harness.deliver(socket, client, ack_bytes(1));
    SentDatagram block2 = harness.transport.take_one();
    // The client's ACK 2 is lost: the server resends DATA 2 and the client ACKs it again.
    harness.tick(1000);
    CHECK(harness.transport.take_one().bytes == block2.bytes);
    // A late duplicate of ACK 1 changes nothing and sends nothing (no Sorcerer's Apprentice).
    harness.deliver(socket, client, ack_bytes(1));
    harness.deliver(socket, client, ack_bytes(1));
    CHECK(harness.transport.take().empty());
    CHECK(harness.server->counters().duplicate_acks == 2);
    // An ACK from the future is ignored too.
    harness.deliver(socket, client, ack_bytes(9));
    CHECK(harness.transport.take().empty());

    harness.deliver(socket, client, ack_bytes(2));
    CHECK(harness.transport.take_one().decoded().block == 3);
    harness.deliver(socket, client, ack_bytes(2));
    CHECK(harness.transport.take().empty());
    harness.deliver(socket, client, ack_bytes(3));
    CHECK(harness.transport.take_one().decoded().block == 4);
    harness.deliver(socket, client, ack_bytes(4));
    CHECK(harness.transport.take().empty());
    CHECK(harness.server->counters().files_sent == 1);
}

TEST_CASE("tftp server: a lost OACK is resent until ACK 0 arrives", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(10));
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "f"_sv, grub_options());
    SentDatagram oack = harness.transport.take_one();
    CHECK(oack.opcode() == TftpOpcode::OptionAck);
    harness.deliver(oack.socket, client, ack_bytes(1)); // not what is outstanding
    CHECK(harness.transport.take().empty());
    harness.tick(1000);
    CHECK(harness.transport.take_one().bytes == oack.bytes);
    harness.deliver(oack.socket, client, ack_bytes(0));
    SentDatagram data = harness.transport.take_one();
    CHECK(data.decoded().block == 1);
    CHECK(data.decoded().data_size == 10);
}

TEST_CASE("tftp server: a repeated request before the first ACK gets the same answer again", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(3000));
    TftpEndpoint client = endpoint(5, 2000);
    harness.request(client, "f"_sv, grub_options());
    SentDatagram oack = harness.transport.take_one();
    harness.request(client, "f"_sv, grub_options());
    SentDatagram repeat = harness.transport.take_one();
    CHECK(repeat.socket == oack.socket);
    CHECK(repeat.bytes == oack.bytes);
    CHECK(harness.transport.opened.size() == 1);
    CHECK(harness.server->active_transfers() == 1);
    CHECK(harness.server->counters().requests == 2);

    // Once under way, a new request from the same port starts over.
    harness.deliver(oack.socket, client, ack_bytes(0));
    harness.transport.take_one();
    harness.request(client, "f"_sv);
    SentDatagram fresh = harness.transport.take_one();
    CHECK(fresh.socket != oack.socket);
    CHECK(fresh.decoded().block == 1);
    CHECK(harness.transport.closed == std::vector<TftpTransferId> { oack.socket });
    CHECK(harness.server->active_transfers() == 1);
}

TEST_CASE("tftp server: the timeout option sets the resend interval", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(600));
    TftpEndpoint client = endpoint(5, 2000);
    TftpOptions options;
    options.timeout_seconds = 3;
    harness.request(client, "f"_sv, options);
    SentDatagram oack = harness.transport.take_one();
    CHECK(oack.decoded().options.timeout_seconds == 3);
    REQUIRE(harness.server->next_deadline_ms());
    CHECK(*harness.server->next_deadline_ms() == harness.now_ms + 3000);
    harness.tick(2999);
    CHECK(harness.transport.take().empty());
    harness.tick(1);
    CHECK(harness.transport.take_one().bytes == oack.bytes);
}

TEST_CASE("tftp server: a client that stops answering is dropped after the retries", "[tftp]")
{
    TftpServerConfig config;
    config.limits.max_retries = 5;
    Harness harness(config);
    harness.source.add("f", pattern(600));
    harness.request(endpoint(5, 2000), "f"_sv);
    SentDatagram first = harness.transport.take_one();
    for (int i = 0; i < 5; ++i) {
        harness.tick(1000);
        CHECK(harness.transport.take_one().bytes == first.bytes);
    }
    CHECK(harness.server->active_transfers() == 1);
    harness.tick(1000);
    CHECK(harness.transport.take().empty()); // no ERROR to a client that is gone
    CHECK(harness.server->active_transfers() == 0);
    CHECK(harness.transport.closed == std::vector<TftpTransferId> { first.socket });
    CHECK(harness.server->counters().timeouts == 1);
    CHECK(harness.server->counters().retransmissions == 5);
    CHECK(!harness.server->next_deadline_ms());
}

TEST_CASE("tftp server: concurrent transfers each get their own socket and their own bytes", "[tftp]")
{
    Harness harness;
    harness.source.add("a", pattern(5000, 10));
    harness.source.add("b", pattern(7000, 20));
    TftpEndpoint clients[3] = { endpoint(1, 1000), endpoint(2, 1000), endpoint(1, 1001) };
    char const* names[3] = { "a", "b", "a" };
    std::vector<u8> received[3];
    TftpTransferId sockets[3];
    u16 last_block[3];
    bool done[3] = {};
    for (int i = 0; i < 3; ++i) {
        harness.request(clients[i], StringView(names[i]));
        SentDatagram first = harness.transport.take_one();
        sockets[i] = first.socket;
        TftpPacket packet = first.decoded();
        last_block[i] = packet.block;
        received[i].insert(received[i].end(), packet.data, packet.data + packet.data_size);
    }
    CHECK(sockets[0] != sockets[1]);
    CHECK(sockets[1] != sockets[2]);
    CHECK(harness.server->active_transfers() == 3);
    // Round-robin ACKs: each client ACKs its last block in turn.
    while (!(done[0] && done[1] && done[2])) {
        for (int i = 0; i < 3; ++i) {
            if (done[i])
                continue;
            harness.deliver(sockets[i], clients[i], ack_bytes(last_block[i]));
            auto sent = harness.transport.take();
            if (sent.empty()) {
                done[i] = true;
                continue;
            }
            REQUIRE(sent.size() == 1);
            CHECK(sent[0].socket == sockets[i]);
            CHECK(sent[0].to == clients[i]);
            TftpPacket packet = sent[0].decoded();
            CHECK(packet.block == u16(last_block[i] + 1));
            last_block[i] = packet.block;
            received[i].insert(received[i].end(), packet.data, packet.data + packet.data_size);
        }
    }
    CHECK(received[0] == pattern(5000, 10));
    CHECK(received[1] == pattern(7000, 20));
    CHECK(received[2] == pattern(5000, 10));
    CHECK(harness.server->counters().files_sent == 3);
    CHECK(harness.transport.open.empty());
}

TEST_CASE("tftp server: with one shared socket, transfers are told apart by client", "[tftp]")
{
    TftpServerConfig config;
    config.separate_transfer_sockets = false;
    Harness harness(config);
    harness.source.add("f", pattern(1200));
    auto result = run_transfer(harness, endpoint(5, 2000), "f"_sv, grub_options());
    CHECK(result.socket == TFTP_REQUEST_SOCKET);
    CHECK(result.bytes == pattern(1200));
    CHECK(harness.transport.opened.empty());
    CHECK(harness.transport.closed.empty());

    // Two at once, interleaved on the one socket.
    harness.request(endpoint(5, 2001), "f"_sv);
    harness.request(endpoint(6, 2001), "f"_sv);
    CHECK(harness.transport.take().size() == 2);
    harness.deliver(TFTP_REQUEST_SOCKET, endpoint(6, 2001), ack_bytes(1));
    SentDatagram reply = harness.transport.take_one();
    CHECK(reply.to == endpoint(6, 2001));
    CHECK(reply.decoded().block == 2);
    // A stranger's ACK is an unknown transfer.
    harness.deliver(TFTP_REQUEST_SOCKET, endpoint(7, 2001), ack_bytes(1));
    SentDatagram error = harness.transport.take_one();
    CHECK(error.decoded().error_code == u16(TftpErrorCode::UnknownTransferId));
    CHECK(harness.server->active_transfers() == 2);
}

TEST_CASE("tftp server: next_deadline_ms follows the earliest transfer", "[tftp]")
{
    Harness harness;
    harness.source.add("f", pattern(2000));
    CHECK(!harness.server->next_deadline_ms());
    harness.request(endpoint(1, 1), "f"_sv);
    u64 first = harness.now_ms + 1000;
    harness.now_ms += 300;
    harness.request(endpoint(1, 2), "f"_sv);
    CHECK(harness.server->next_deadline_ms() == first);
    harness.server->abort_transfer(harness.transport.opened[0]);
    CHECK(harness.server->next_deadline_ms() == harness.now_ms + 1000);
    CHECK(harness.transport.closed == std::vector<TftpTransferId> { harness.transport.opened[0] });
    harness.server->abort_transfer(12345); // unknown: ignored
    CHECK(harness.server->active_transfers() == 1);
}
