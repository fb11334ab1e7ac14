// libFuzzer target for the TFTP server (net/bootserver/tftp_*): the input is
// decoded as one datagram (what decodes must re-encode to the same fields),
// confined as a file name (what passes must be confined and stay so), and played
// as a script of datagrams and clock ticks from four clients against a server
// over files in memory. Whatever the script, the server only opens confined
// paths, sends only datagrams that decode, DATA only with the right file bytes,
// only from sockets it holds, and closes every socket it opened.
#include <cstddef>
#include <cstdint>
#include <set>

#include "kernel/lib/string.h"
#include "net/bootserver/tftp_server.h"

using namespace net;

namespace {

void check(bool condition)
{
    if (!condition)
        __builtin_trap();
}

u8 file_byte(u64 offset, usize file) { return u8(offset * 31 + (offset >> 9) + file * 17); }

struct FuzzFileSpec {
    char const* path;
    u64 size;
};

constexpr FuzzFileSpec FILES[] = {
    { "grub.cfg", 100 },
    { "boot/grub/i386-pc/core.0", 1024 },
    { "big", 20000 },
    { "a", 0 },
};

// What the scripted requests ask for: real files, refusals and misses.
constexpr char const* REQUEST_NAMES[] = { "grub.cfg", "boot/grub/i386-pc/core.0", "big", "a", "/grub.cfg",
    "../grub.cfg", "dir", "missing" };
constexpr u16 REQUEST_BLOCK_SIZES[] = { 8, 512, 1024, 1468, 65464, 9000, 100, 4000 };

// A confined path has every property tftp_path.h promises.
void check_confined(StringView path)
{
    check(!path.is_empty() && path.length() <= TFTP_MAX_PATH_LENGTH);
    check(path[0] != '/' && path[path.length() - 1] != '/');
    for (char c : path)
        check(c >= 0x20 && c <= 0x7e && c != '\\');
    check(!path.find("//"_sv));
    for (StringView component : path.split('/'))
        check(!(component == "."_sv) && !(component == ".."_sv));
    auto again = confine_tftp_path(path);
    check(!again.is_error() && again.value().view() == path);
}

class FuzzFile final : public TftpFile {
public:
    FuzzFile(usize index, u64 fail_past)
        : m_index(index)
        , m_fail_past(fail_past)
    {
    }
    u64 size() const override { return FILES[m_index].size; }
    Result<usize> read(u64 offset, u8* buffer, usize count) override
    {
        check(offset + count <= size());
        if (offset + count > m_fail_past)
            return Error::IoError;
        for (usize i = 0; i < count; ++i)
            buffer[i] = file_byte(offset + i, m_index);
        return count;
    }

private:
    usize m_index;
    u64 m_fail_past;
};

class FuzzSource final : public TftpFileSource {
public:
    u64 fail_past = u64(-1);

    Result<OwnPtr<TftpFile>> open(StringView path) override
    {
        check_confined(path);
        if (path == "dir"_sv)
            return Error::IsDirectory;
        for (usize i = 0; i < array_size(FILES); ++i) {
            if (path == StringView(FILES[i].path))
                return adopt_own_if_nonnull<TftpFile>(new (std::nothrow) FuzzFile(i, fail_past));
        }
        return Error::NoEntry;
    }
};

class FuzzTransport final : public TftpTransport {
public:
    TftpServer* server = nullptr;
    bool separate = true;
    bool flaky_open = false;
    std::set<TftpTransferId> open;
    usize opens = 0;
    // Per client: the socket and block of the last DATA or OACK it was sent.
    TftpTransferId last_socket[4] = {};
    u16 last_block[4] = {};
    TftpEndpoint clients[4];

    Result<void> open_socket(TftpTransferId id) override
    {
        check(separate && id != TFTP_REQUEST_SOCKET && open.count(id) == 0);
        if (flaky_open && (opens++ % 2) == 1)
            return Error::NoBufferSpace;
        open.insert(id);
        return {};
    }
    void close_socket(TftpTransferId id) override
    {
        check(separate && open.erase(id) == 1);
    }
    void send(TftpTransferId socket, TftpEndpoint to, u8 const* bytes, usize size) override
    {
        check(socket == TFTP_REQUEST_SOCKET || open.count(socket) == 1);
        auto packet = decode_tftp_packet(bytes, size);
        check(!packet.is_error());
        TftpOpcode opcode = packet.value().opcode;
        check(opcode == TftpOpcode::Data || opcode == TftpOpcode::OptionAck || opcode == TftpOpcode::Error);
        if (opcode == TftpOpcode::Error)
            return;
        // Transfers speak from their own socket when they have one.
        check(separate == (socket != TFTP_REQUEST_SOCKET));
        if (opcode == TftpOpcode::Data)
            check_data(to, packet.value());
        for (usize i = 0; i < 4; ++i) {
            if (clients[i] == to) {
                last_socket[i] = socket;
                last_block[i] = opcode == TftpOpcode::Data ? packet.value().block : 0;
            }
        }
    }

private:
    // The DATA carries the bytes of the file its transfer serves, at its block.
    void check_data(TftpEndpoint to, TftpPacket const& packet)
    {
        auto transfers = server->transfers(0);
        check(!transfers.is_error());
        for (TftpTransferInfo const& info : transfers.value()) {
            if (!(info.client == to))
                continue;
            check(packet.data_size <= info.block_size);
            for (usize file = 0; file < array_size(FILES); ++file) {
                if (!(info.path.view() == StringView(FILES[file].path)))
                    continue;
                // The files here are far below 65535 blocks: no wrap.
                u64 offset = (u64(packet.block) - 1) * info.block_size;
                check(packet.block != 0 && offset + packet.data_size <= FILES[file].size);
                check(packet.data_size == info.block_size || offset + packet.data_size == FILES[file].size);
                for (usize i = 0; i < packet.data_size; ++i)
                    check(packet.data[i] == file_byte(offset + i, file));
                return;
            }
        }
        check(false); // DATA from no live transfer
    }
};

void check_round_trip(u8 const* data, size_t size)
{
    auto decoded = decode_tftp_packet(data, size);
    if (decoded.is_error())
        return;
    TftpPacket const& packet = decoded.value();
    static u8 buffer[70000];
    switch (packet.opcode) {
    case TftpOpcode::ReadRequest:
    case TftpOpcode::WriteRequest: {
        check(!packet.filename.is_empty() && !packet.filename.contains('\0'));
        StringView mode = packet.mode == TftpMode::Octet ? "octet"_sv
            : packet.mode == TftpMode::Netascii          ? "netascii"_sv
                                                         : "mail"_sv;
        auto size_again = encode_tftp_request(packet.opcode, packet.filename, mode, packet.options, buffer,
            sizeof(buffer));
        check(!size_again.is_error());
        auto again = decode_tftp_packet(buffer, size_again.value());
        check(!again.is_error() && again.value().filename == packet.filename && again.value().mode == packet.mode
            && again.value().options == packet.options);
        break;
    }
    case TftpOpcode::OptionAck: {
        auto size_again = encode_tftp_option_ack(packet.options, buffer, sizeof(buffer));
        check(!size_again.is_error());
        auto again = decode_tftp_packet(buffer, size_again.value());
        check(!again.is_error() && again.value().options == packet.options);
        break;
    }
    case TftpOpcode::Data: {
        auto size_again = encode_tftp_data(packet.block, packet.data, packet.data_size, buffer, sizeof(buffer));
        check(!size_again.is_error() && size_again.value() == size && memcmp(buffer, data, size) == 0);
        break;
    }
    case TftpOpcode::Ack: {
        auto size_again = encode_tftp_ack(packet.block, buffer, sizeof(buffer));
        check(!size_again.is_error() && size_again.value() == TFTP_HEADER_SIZE
            && memcmp(buffer, data, TFTP_HEADER_SIZE) == 0);
        break;
    }
    case TftpOpcode::Error: {
        check(!packet.error_message.contains('\0'));
        auto size_again = encode_tftp_error(packet.error_code, packet.error_message, buffer, sizeof(buffer));
        check(!size_again.is_error());
        auto again = decode_tftp_packet(buffer, size_again.value());
        check(!again.is_error() && again.value().error_code == packet.error_code
            && again.value().error_message == packet.error_message);
        break;
    }
    }
}

void check_path(u8 const* data, size_t size)
{
    StringView requested(reinterpret_cast<char const*>(data), size);
    auto strict = confine_tftp_path(requested, { false });
    auto relaxed = confine_tftp_path(requested, { true });
    if (!strict.is_error()) {
        check_confined(strict.value().view());
        check(strict.value().characters[strict.value().length] == '\0');
        check(!relaxed.is_error() && relaxed.value().view() == strict.value().view());
    }
    if (!relaxed.is_error())
        check_confined(relaxed.value().view());
    // Refused either way whenever a ".." component or a backslash is there.
    bool escapes = requested.contains('\\');
    for (StringView component : requested.split('/'))
        escapes = escapes || component == ".."_sv;
    if (escapes)
        check(relaxed.is_error());
}

// Reads the script: a configuration byte, then records of a control byte and,
// for some actions, more bytes (see the switch).
class Script {
public:
    Script(u8 const* data, size_t size)
        : m_data(data)
        , m_size(size)
    {
    }
    bool at_end() const { return m_offset >= m_size; }
    u8 next() { return m_offset < m_size ? m_data[m_offset++] : 0; }
    // A length byte, then up to that many bytes (fewer at the end of the input).
    void take_datagram(u8 const*& bytes, usize& size)
    {
        usize wanted = next();
        size = wanted < m_size - m_offset ? wanted : m_size - m_offset;
        bytes = m_data + m_offset;
        m_offset += size;
    }

private:
    u8 const* m_data;
    size_t m_size;
    size_t m_offset { 0 };
};

void check_status(TftpServer const& server, TftpServerConfig const& config, FuzzTransport const& transport)
{
    check(server.active_transfers() <= config.max_transfers);
    if (config.separate_transfer_sockets)
        check(transport.open.size() == server.active_transfers());
    auto transfers = server.transfers(0);
    check(!transfers.is_error());
    char line[TFTP_STATUS_LINE_CAPACITY];
    for (TftpTransferInfo const& info : transfers.value()) {
        check_confined(info.path.view());
        check(info.bytes_acked <= info.file_size);
        // Without a blksize option a client gets RFC 1350's 512, whatever the maximum.
        check(info.block_size == TFTP_DEFAULT_BLOCK_SIZE
            || (info.block_size >= TFTP_MIN_BLOCK_SIZE && info.block_size <= config.limits.max_block_size));
        check(!format_tftp_transfer_line(info, line, sizeof(line)).is_error());
    }
    check(!format_tftp_counters_line(server.counters(), line, sizeof(line)).is_error());
}

void run_script(u8 const* data, size_t size)
{
    Script script(data, size);
    u8 settings = script.next();
    TftpServerConfig config;
    config.separate_transfer_sockets = !(settings & 1);
    config.path_policy.allow_leading_slash = settings & 2;
    constexpr u16 block_sizes[] = { TFTP_ETHERNET_BLOCK_SIZE, 512, 8, TFTP_MAX_BLOCK_SIZE };
    config.limits.max_block_size = block_sizes[(settings >> 2) & 3];
    constexpr usize max_transfers[] = { 4, 1, 2, 16 };
    config.max_transfers = max_transfers[(settings >> 4) & 3];
    config.limits.max_retries = 3;

    FuzzSource source;
    if (settings & 0x80)
        source.fail_past = 5000;
    FuzzTransport transport;
    transport.separate = config.separate_transfer_sockets;
    transport.flaky_open = settings & 0x40;
    transport.clients[0] = { { { 10, 0, 0, 1 } }, 1000 };
    transport.clients[1] = { { { 10, 0, 0, 1 } }, 1001 };
    transport.clients[2] = { { { 10, 0, 0, 2 } }, 1000 };
    transport.clients[3] = { { { 10, 0, 0, 3 } }, 69 };

    auto created = TftpServer::create(config, source, transport);
    check(!created.is_error());
    OwnPtr<TftpServer> server = created.release_value();
    transport.server = server.ptr();

    u64 now_ms = 0;
    u8 built[600];
    usize steps = 0;
    while (!script.at_end() && steps++ < 20000) {
        u8 control = script.next();
        usize client = control & 3;
        TftpEndpoint from = transport.clients[client];
        TftpTransferId own_socket = transport.last_socket[client];
        now_ms += u64((control >> 5) & 7) * 200;
        u8 const* bytes = nullptr;
        usize length = 0;
        switch ((control >> 2) & 7) {
        case 0: // a raw datagram at port 69
            script.take_datagram(bytes, length);
            server->handle(TFTP_REQUEST_SOCKET, from, bytes, length, now_ms);
            break;
        case 1: // a raw datagram at the client's transfer socket
            script.take_datagram(bytes, length);
            server->handle(own_socket, from, bytes, length, now_ms);
            break;
        case 2: { // a raw datagram at any socket
            TftpTransferId socket = script.next() & 31;
            script.take_datagram(bytes, length);
            server->handle(socket, from, bytes, length, now_ms);
            break;
        }
        case 3: // ACK what the client was sent last
        case 7: { // ACK the block before it (a duplicate)
            u16 block = transport.last_block[client];
            if (((control >> 2) & 7) == 7)
                --block;
            length = encode_tftp_ack(block, built, sizeof(built)).value();
            server->handle(own_socket, from, built, length, now_ms);
            break;
        }
        case 4:
            server->on_tick(now_ms);
            break;
        case 5: { // a well-formed request
            u8 choice = script.next();
            TftpOptions options;
            if (choice & 8)
                options.block_size = REQUEST_BLOCK_SIZES[script.next() & 7];
            options.has_transfer_size = choice & 16;
            if (choice & 32)
                options.timeout_seconds = u8(1 + (script.next() & 3));
            auto encoded = encode_tftp_request(choice & 64 ? TftpOpcode::WriteRequest : TftpOpcode::ReadRequest,
                StringView(REQUEST_NAMES[choice & 7]), choice & 128 ? "netascii"_sv : "octet"_sv, options, built,
                sizeof(built));
            check(!encoded.is_error());
            server->handle(TFTP_REQUEST_SOCKET, from, built, encoded.value(), now_ms);
            break;
        }
        case 6: // the client gives up
            length = encode_tftp_error(TftpErrorCode::NotDefined, "closed"_sv, built, sizeof(built)).value();
            server->handle(own_socket, from, built, length, now_ms);
            break;
        }
        check_status(*server, config, transport);
        check(server->next_deadline_ms().has_value() == (server->active_transfers() != 0));
    }
    // Time heals everything: every transfer ends within its retries.
    for (int i = 0; i < 10; ++i) {
        now_ms += 256 * 1000;
        server->on_tick(now_ms);
    }
    check(server->active_transfers() == 0 && transport.open.size() == 0);
    server = nullptr;
    check(transport.open.size() == 0);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    check_round_trip(data, size);
    check_path(data, size);
    run_script(data, size);
    return 0;
}
