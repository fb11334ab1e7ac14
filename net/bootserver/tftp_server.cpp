// The TFTP server's dispatch (see tftp_server.h): requests at port 69 start
// transfers, everything else goes to the transfer it belongs to, and strangers
// get "Unknown transfer ID". An ERROR is never answered, so two confused peers
// cannot bounce errors forever.
#include "net/bootserver/tftp_server.h"

#include "kernel/lib/format.h"

namespace net {

namespace {

constexpr usize ERROR_PACKET_CAPACITY = 128; // our messages are short

struct OpenFailure {
    TftpErrorCode code;
    StringView message;
};

OpenFailure open_failure(Error error)
{
    switch (error) {
    case Error::NoEntry:
    case Error::NotDirectory:
        return { TftpErrorCode::FileNotFound, "file not found"_sv };
    case Error::AccessDenied:
    case Error::PermissionDenied:
    case Error::IsDirectory:
        return { TftpErrorCode::AccessViolation, "access violation"_sv };
    default:
        return { TftpErrorCode::NotDefined, "cannot open file"_sv };
    }
}

unsigned long long counter(u64 value) { return static_cast<unsigned long long>(value); }

} // namespace

TftpServer::TftpServer(TftpServerConfig const& config, TftpFileSource& source, TftpTransport& transport)
    : m_config(config)
    , m_source(source)
    , m_transport(transport)
{
}

TftpServer::~TftpServer()
{
    while (!m_transfers.is_empty())
        abort_transfer(m_transfers.last()->id());
}

Result<OwnPtr<TftpServer>> TftpServer::create(TftpServerConfig const& config, TftpFileSource& source,
    TftpTransport& transport)
{
    u16 block_size = config.limits.max_block_size;
    if (block_size < TFTP_MIN_BLOCK_SIZE || block_size > TFTP_MAX_BLOCK_SIZE || config.limits.default_timeout_ms == 0
        || config.max_transfers == 0)
        return Error::InvalidArgument;
    auto server = TRY(adopt_own_if_nonnull(new (std::nothrow) TftpServer(config, source, transport)));
    // With room for every transfer reserved now, starting one never fails half-way.
    TRY(server->m_transfers.try_reserve(config.max_transfers));
    return server;
}

void TftpServer::handle(TftpTransferId socket, TftpEndpoint from, u8 const* bytes, usize size, u64 now_ms)
{
    auto packet = decode_tftp_packet(bytes, size);
    if (socket == TFTP_REQUEST_SOCKET) {
        if (!packet.is_error()) {
            handle_request(from, packet.value(), now_ms);
            return;
        }
        ++m_counters.malformed;
        auto opcode = peek_tftp_opcode(bytes, size);
        if (opcode == u16(TftpOpcode::ReadRequest) || opcode == u16(TftpOpcode::WriteRequest))
            send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::IllegalOperation, "malformed request"_sv);
        return;
    }
    // Unknown: the socket outlived its transfer by a moment, or there are no
    // transfer sockets at all (the glue's mistake, but no reason to send from one).
    auto index = m_config.separate_transfer_sockets ? find_by_id(socket) : std::nullopt;
    if (!index) {
        ++m_counters.malformed;
        return;
    }
    if (m_transfers[*index]->client() != from) {
        // RFC 1350 §4: tell the stranger, and carry on with the transfer.
        ++m_counters.malformed;
        if (peek_tftp_opcode(bytes, size) != u16(TftpOpcode::Error))
            send_error(socket, from, TftpErrorCode::UnknownTransferId, "unknown transfer id"_sv);
        return;
    }
    if (packet.is_error()) {
        ++m_counters.malformed;
        return;
    }
    handle_for_transfer(*index, packet.value(), now_ms);
}

void TftpServer::handle_request(TftpEndpoint from, TftpPacket const& packet, u64 now_ms)
{
    switch (packet.opcode) {
    case TftpOpcode::ReadRequest:
        start_transfer(from, packet, now_ms);
        return;
    case TftpOpcode::WriteRequest:
        ++m_counters.requests;
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::AccessViolation, "read-only server"_sv);
        return;
    default:
        break;
    }
    if (!m_config.separate_transfer_sockets) {
        if (auto index = find_by_client(from)) {
            handle_for_transfer(*index, packet, now_ms);
            return;
        }
    }
    ++m_counters.malformed;
    if (packet.opcode != TftpOpcode::Error)
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::UnknownTransferId, "unknown transfer id"_sv);
}

void TftpServer::handle_for_transfer(usize index, TftpPacket const& packet, u64 now_ms)
{
    TftpTransfer& transfer = *m_transfers[index];
    if (packet.opcode == TftpOpcode::Error) {
        ++m_counters.client_errors;
        end_transfer(index);
        return;
    }
    if (packet.opcode != TftpOpcode::Ack) { // DATA, OACK or a request: not ours to act on
        ++m_counters.malformed;
        return;
    }
    auto outcome = transfer.on_ack(packet.block, now_ms);
    if (outcome.is_error()) {
        end_transfer(index, TftpErrorCode::NotDefined, "read error"_sv);
        return;
    }
    switch (outcome.value()) {
    case TftpTransfer::AckOutcome::Ignored:
        // Answering a duplicate ACK would double every later packet (the
        // Sorcerer's Apprentice bug); the timeout resends what was lost instead.
        ++m_counters.duplicate_acks;
        return;
    case TftpTransfer::AckOutcome::Next:
        m_counters.bytes_sent += transfer.payload_size();
        send_packet(socket_of(transfer), transfer.client(), transfer.packet(), transfer.packet_size());
        return;
    case TftpTransfer::AckOutcome::Done:
        ++m_counters.files_sent;
        end_transfer(index);
        return;
    }
}

void TftpServer::start_transfer(TftpEndpoint from, TftpPacket const& request, u64 now_ms)
{
    ++m_counters.requests;
    if (request.mode != TftpMode::Octet) {
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::IllegalOperation, "only octet mode is served"_sv);
        return;
    }
    auto path = confine_tftp_path(request.filename, m_config.path_policy);
    if (path.is_error()) {
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::AccessViolation, "access violation"_sv);
        return;
    }
    if (auto index = find_by_client(from)) {
        TftpTransfer& existing = *m_transfers[*index];
        if (existing.is_awaiting_first_ack() && existing.path().view() == path.value().view()) {
            // The client has not heard the first answer yet: repeat it from the
            // same port rather than start a second transfer it would refuse.
            ++m_counters.retransmissions;
            send_packet(socket_of(existing), from, existing.packet(), existing.packet_size());
            return;
        }
        end_transfer(*index); // the client started over from the same port
    }
    if (m_transfers.size() >= m_config.max_transfers) {
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::NotDefined, "too many transfers"_sv);
        return;
    }
    auto file = m_source.open(path.value().view());
    if (file.is_error()) {
        OpenFailure failure = open_failure(file.error());
        send_error(TFTP_REQUEST_SOCKET, from, failure.code, failure.message);
        return;
    }
    TftpTransferId id = allocate_id();
    auto created = TftpTransfer::create(id, from, path.value(), file.release_value(), request.options,
        m_config.limits, now_ms);
    if (created.is_error()) {
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::NotDefined, "out of memory"_sv);
        return;
    }
    OwnPtr<TftpTransfer> transfer = created.release_value();
    if (transfer->start(now_ms).is_error()) {
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::NotDefined, "read error"_sv);
        return;
    }
    if (m_config.separate_transfer_sockets && m_transport.open_socket(id).is_error()) {
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::NotDefined, "out of sockets"_sv);
        return;
    }
    if (m_transfers.try_append(std::move(transfer)).is_error()) { // cannot happen: room was reserved
        if (m_config.separate_transfer_sockets)
            m_transport.close_socket(id);
        send_error(TFTP_REQUEST_SOCKET, from, TftpErrorCode::NotDefined, "out of memory"_sv);
        return;
    }
    ++m_counters.transfers_started;
    TftpTransfer& started = *m_transfers.last();
    m_counters.bytes_sent += started.payload_size();
    send_packet(socket_of(started), from, started.packet(), started.packet_size());
}

void TftpServer::on_tick(u64 now_ms)
{
    for (usize i = 0; i < m_transfers.size();) {
        TftpTransfer& transfer = *m_transfers[i];
        switch (transfer.on_tick(now_ms)) {
        case TftpTransfer::TickOutcome::Wait:
            ++i;
            break;
        case TftpTransfer::TickOutcome::Resend:
            ++m_counters.retransmissions;
            send_packet(socket_of(transfer), transfer.client(), transfer.packet(), transfer.packet_size());
            ++i;
            break;
        case TftpTransfer::TickOutcome::GiveUp:
            // No ERROR: a client that stopped answering is most likely gone.
            ++m_counters.timeouts;
            end_transfer(i);
            break;
        }
    }
}

std::optional<u64> TftpServer::next_deadline_ms() const
{
    std::optional<u64> earliest;
    for (auto const& transfer : m_transfers) {
        if (!earliest || transfer->deadline_ms() < *earliest)
            earliest = transfer->deadline_ms();
    }
    return earliest;
}

void TftpServer::abort_transfer(TftpTransferId id)
{
    if (auto index = find_by_id(id))
        end_transfer(*index);
}

Result<Vector<TftpTransferInfo>> TftpServer::transfers(u64 now_ms) const
{
    Vector<TftpTransferInfo> infos;
    TRY(infos.try_reserve(m_transfers.size()));
    for (auto const& transfer : m_transfers) {
        TftpTransferInfo info;
        info.id = transfer->id();
        info.client = transfer->client();
        info.path = transfer->path();
        info.file_size = transfer->file_size();
        info.bytes_acked = transfer->bytes_acked();
        info.block_size = transfer->block_size();
        info.block = transfer->wire_block();
        info.timeout_ms = transfer->timeout_ms();
        info.retries = transfer->retries();
        info.age_ms = now_ms > transfer->started_ms() ? now_ms - transfer->started_ms() : 0;
        TRY(infos.try_append(info));
    }
    return infos;
}

TftpTransferId TftpServer::allocate_id()
{
    // At most max_transfers ids are in use, so this ends.
    for (;;) {
        TftpTransferId id = m_next_id++;
        if (m_next_id == TFTP_REQUEST_SOCKET)
            m_next_id = 1;
        if (id != TFTP_REQUEST_SOCKET && !find_by_id(id))
            return id;
    }
}

TftpTransferId TftpServer::socket_of(TftpTransfer const& transfer) const
{
    return m_config.separate_transfer_sockets ? transfer.id() : TFTP_REQUEST_SOCKET;
}

void TftpServer::send_packet(TftpTransferId socket, TftpEndpoint to, u8 const* bytes, usize size)
{
    ++m_counters.packets_sent;
    m_transport.send(socket, to, bytes, size);
}

void TftpServer::send_error(TftpTransferId socket, TftpEndpoint to, TftpErrorCode code, StringView message)
{
    u8 packet[ERROR_PACKET_CAPACITY];
    auto size = encode_tftp_error(code, message, packet, sizeof(packet));
    if (size.is_error())
        return;
    if (usize(code) < TFTP_ERROR_CODE_COUNT)
        ++m_counters.errors_sent[usize(code)];
    send_packet(socket, to, packet, size.value());
}

void TftpServer::end_transfer(usize index, std::optional<TftpErrorCode> code, StringView message)
{
    TftpTransfer& transfer = *m_transfers[index];
    if (code)
        send_error(socket_of(transfer), transfer.client(), *code, message);
    if (m_config.separate_transfer_sockets)
        m_transport.close_socket(transfer.id());
    m_transfers.remove(index);
}

std::optional<usize> TftpServer::find_by_id(TftpTransferId id) const
{
    for (usize i = 0; i < m_transfers.size(); ++i) {
        if (m_transfers[i]->id() == id)
            return i;
    }
    return std::nullopt;
}

std::optional<usize> TftpServer::find_by_client(TftpEndpoint client) const
{
    for (usize i = 0; i < m_transfers.size(); ++i) {
        if (m_transfers[i]->client() == client)
            return i;
    }
    return std::nullopt;
}

Result<usize> format_tftp_transfer_line(TftpTransferInfo const& info, char* buffer, usize capacity)
{
    u8 const* a = info.client.address.octets;
    usize length = format(buffer, capacity,
        "id=%u client=%u.%u.%u.%u:%u size=%llu acked=%llu blksize=%u block=%u timeout_ms=%u retries=%u "
        "age_ms=%llu file=%.*s\n",
        info.id, a[0], a[1], a[2], a[3], info.client.port, counter(info.file_size), counter(info.bytes_acked),
        info.block_size, info.block, info.timeout_ms, info.retries, counter(info.age_ms), int(info.path.length),
        info.path.characters);
    if (length >= capacity)
        return Error::NoSpace;
    return length;
}

Result<usize> format_tftp_counters_line(TftpCounters const& counters, char* buffer, usize capacity)
{
    usize length = format(buffer, capacity,
        "requests=%llu started=%llu files=%llu bytes=%llu packets=%llu retransmits=%llu timeouts=%llu "
        "client_errors=%llu dup_acks=%llu malformed=%llu",
        counter(counters.requests), counter(counters.transfers_started), counter(counters.files_sent),
        counter(counters.bytes_sent), counter(counters.packets_sent), counter(counters.retransmissions),
        counter(counters.timeouts), counter(counters.client_errors), counter(counters.duplicate_acks),
        counter(counters.malformed));
    for (usize code = 0; code < TFTP_ERROR_CODE_COUNT && length < capacity; ++code) {
        StringView name = tftp_error_code_name(TftpErrorCode(code));
        length += format(buffer + length, capacity - length, " err_%.*s=%llu", int(name.length()), name.characters(),
            counter(counters.errors_sent[code]));
    }
    if (length < capacity)
        length += format(buffer + length, capacity - length, "\n");
    if (length >= capacity)
        return Error::NoSpace;
    return length;
}

} // namespace net
