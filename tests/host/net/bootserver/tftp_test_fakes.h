// Test doubles for the TFTP server's host tests: files in memory, a transport
// that records every socket and datagram, and a client that plays a whole
// transfer the way GRUB does (RRQ, ACK 0 for an OACK, ACK every DATA).
#pragma once

#include <catch2/catch.hpp>

#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "net/bootserver/tftp_server.h"

namespace tftp_test {

using namespace net;

// Byte i of a test file: varies with the offset and the file, so a block sent
// from the wrong place or for the wrong file shows.
inline u8 pattern_byte(usize i, u8 seed) { return u8((i * 131 + (i >> 8) * 7 + seed) & 0xff); }

inline std::vector<u8> pattern(usize size, u8 seed = 1)
{
    std::vector<u8> bytes(size);
    for (usize i = 0; i < size; ++i)
        bytes[i] = pattern_byte(i, seed);
    return bytes;
}

class MemoryFile final : public TftpFile {
public:
    MemoryFile(std::vector<u8> const& bytes, u64 fail_at)
        : m_bytes(bytes)
        , m_fail_at(fail_at)
    {
    }
    u64 size() const override { return m_bytes.size(); }
    Result<usize> read(u64 offset, u8* buffer, usize count) override
    {
        REQUIRE(offset + count <= m_bytes.size());
        if (offset + count > m_fail_at)
            return Error::IoError;
        memcpy(buffer, m_bytes.data() + offset, count);
        return count;
    }

private:
    std::vector<u8> const& m_bytes;
    u64 m_fail_at;
};

class MemorySource final : public TftpFileSource {
public:
    void add(std::string path, std::vector<u8> bytes) { m_files[std::move(path)] = std::move(bytes); }
    void add_directory(std::string path) { m_directories.insert(std::move(path)); }
    // Reads that reach past offset fail (IoError).
    void fail_reads_past(u64 offset) { m_fail_at = offset; }

    Result<OwnPtr<TftpFile>> open(StringView path) override
    {
        std::string name(path.characters(), path.length());
        opened.push_back(name);
        if (m_directories.count(name))
            return Error::IsDirectory;
        auto found = m_files.find(name);
        if (found == m_files.end())
            return Error::NoEntry;
        return OwnPtr<TftpFile>(new MemoryFile(found->second, m_fail_at));
    }

    std::vector<std::string> opened;

private:
    std::map<std::string, std::vector<u8>> m_files;
    std::set<std::string> m_directories;
    u64 m_fail_at { u64(-1) };
};

struct SentDatagram {
    TftpTransferId socket;
    TftpEndpoint to;
    std::vector<u8> bytes;

    TftpPacket decoded() const
    {
        auto packet = decode_tftp_packet(bytes.data(), bytes.size());
        REQUIRE(!packet.is_error());
        return packet.release_value();
    }
    TftpOpcode opcode() const { return decoded().opcode; }
};

class RecordingTransport final : public TftpTransport {
public:
    Result<void> open_socket(TftpTransferId id) override
    {
        if (fail_open)
            return Error::NoBufferSpace;
        REQUIRE(id != TFTP_REQUEST_SOCKET);
        REQUIRE(open.count(id) == 0);
        open.insert(id);
        opened.push_back(id);
        return {};
    }
    void close_socket(TftpTransferId id) override
    {
        REQUIRE(open.count(id) == 1);
        open.erase(id);
        closed.push_back(id);
    }
    void send(TftpTransferId socket, TftpEndpoint to, u8 const* bytes, usize size) override
    {
        // A transfer only ever sends from a socket it holds.
        REQUIRE((socket == TFTP_REQUEST_SOCKET || open.count(socket) == 1));
        sent.push_back({ socket, to, std::vector<u8>(bytes, bytes + size) });
    }

    // Everything sent since the last call.
    std::vector<SentDatagram> take()
    {
        std::vector<SentDatagram> taken;
        taken.swap(sent);
        return taken;
    }
    SentDatagram take_one()
    {
        auto taken = take();
        REQUIRE(taken.size() == 1);
        return taken[0];
    }

    bool fail_open { false };
    std::set<TftpTransferId> open;
    std::vector<TftpTransferId> opened;
    std::vector<TftpTransferId> closed;
    std::vector<SentDatagram> sent;
};

inline TftpEndpoint endpoint(u8 last_octet, u16 port) { return { { { 10, 77, 0, last_octet } }, port }; }

inline std::vector<u8> request_bytes(StringView filename, TftpOptions const& options = {},
    TftpOpcode opcode = TftpOpcode::ReadRequest, StringView mode = "octet"_sv)
{
    std::vector<u8> bytes(1024);
    auto size = encode_tftp_request(opcode, filename, mode, options, bytes.data(), bytes.size());
    REQUIRE(!size.is_error());
    bytes.resize(size.value());
    return bytes;
}

inline std::vector<u8> ack_bytes(u16 block)
{
    std::vector<u8> bytes(TFTP_HEADER_SIZE);
    REQUIRE(!encode_tftp_ack(block, bytes.data(), bytes.size()).is_error());
    return bytes;
}

inline std::vector<u8> error_bytes(u16 code, StringView message)
{
    std::vector<u8> bytes(128);
    auto size = encode_tftp_error(code, message, bytes.data(), bytes.size());
    REQUIRE(!size.is_error());
    bytes.resize(size.value());
    return bytes;
}

// A server over a MemorySource and a RecordingTransport, with helpers that
// deliver one datagram.
struct Harness {
    explicit Harness(TftpServerConfig config = {})
    {
        auto created = TftpServer::create(config, source, transport);
        REQUIRE(!created.is_error());
        server = created.release_value();
    }

    void deliver(TftpTransferId socket, TftpEndpoint from, std::vector<u8> const& bytes)
    {
        server->handle(socket, from, bytes.data(), bytes.size(), now_ms);
    }
    void request(TftpEndpoint from, StringView filename, TftpOptions const& options = {})
    {
        deliver(TFTP_REQUEST_SOCKET, from, request_bytes(filename, options));
    }
    void tick(u64 advance_ms)
    {
        now_ms += advance_ms;
        server->on_tick(now_ms);
    }

    MemorySource source;
    RecordingTransport transport;
    OwnPtr<TftpServer> server;
    u64 now_ms { 1000 };
};

struct TransferResult {
    std::vector<u8> bytes;
    std::vector<u16> blocks; // the wire block numbers of the DATA received, in order
    std::optional<TftpOptions> option_ack;
    TftpTransferId socket { TFTP_REQUEST_SOCKET };
};

// Plays a whole transfer as one well-behaved client: expects exactly one
// datagram per step, ACKs it at the socket it came from, and stops after the
// short block. block_size is what the client expects after negotiation.
inline TransferResult run_transfer(Harness& harness, TftpEndpoint client, StringView filename,
    TftpOptions const& options = {})
{
    TransferResult result;
    harness.request(client, filename, options);
    u16 block_size = TFTP_DEFAULT_BLOCK_SIZE;
    for (;;) {
        SentDatagram reply = harness.transport.take_one();
        REQUIRE(reply.to == client);
        TftpPacket packet = reply.decoded();
        if (result.blocks.empty() && !result.option_ack)
            result.socket = reply.socket;
        REQUIRE(reply.socket == result.socket);
        if (packet.opcode == TftpOpcode::OptionAck) {
            REQUIRE(!result.option_ack);
            result.option_ack = packet.options;
            if (packet.options.block_size != 0)
                block_size = packet.options.block_size;
            harness.deliver(reply.socket, client, ack_bytes(0));
            continue;
        }
        REQUIRE(packet.opcode == TftpOpcode::Data);
        REQUIRE(packet.data_size <= block_size);
        result.blocks.push_back(packet.block);
        result.bytes.insert(result.bytes.end(), packet.data, packet.data + packet.data_size);
        harness.deliver(reply.socket, client, ack_bytes(packet.block));
        if (packet.data_size < block_size)
            break;
    }
    REQUIRE(harness.transport.take().empty());
    return result;
}

} // namespace tftp_test
