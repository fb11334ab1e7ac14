// One TFTP read transfer (see tftp_transfer.h). Block n (from 1) carries the file
// bytes from (n - 1) * block_size; the first block shorter than block_size is the
// last, so a file whose size is a multiple of block_size ends with an empty one.
#include "net/bootserver/tftp_transfer.h"

namespace net {

namespace {

// Room for the longest OACK encode_tftp_option_ack() writes: the opcode, then
// "blksize" 65464, "tsize" with 20 digits and "timeout" 255, each NUL-terminated.
constexpr usize OPTION_ACK_CAPACITY = 2 + (8 + 6) + (6 + 21) + (8 + 4);

TftpOptions grant(TftpOptions const& requested, TftpTransferLimits const& limits, u64 file_size)
{
    TftpOptions granted;
    if (requested.block_size != 0)
        granted.block_size
            = requested.block_size < limits.max_block_size ? requested.block_size : limits.max_block_size;
    granted.timeout_seconds = requested.timeout_seconds;
    if (requested.has_transfer_size) {
        granted.has_transfer_size = true;
        granted.transfer_size = file_size;
    }
    return granted;
}

} // namespace

TftpTransfer::TftpTransfer(TftpTransferId id, TftpEndpoint client, TftpPath const& path, OwnPtr<TftpFile> file,
    TftpOptions const& granted, TftpTransferLimits const& limits, u64 now_ms)
    : m_id(id)
    , m_client(client)
    , m_path(path)
    , m_file(std::move(file))
    , m_granted(granted)
    , m_file_size(m_file->size())
    , m_block_size(granted.block_size != 0 ? granted.block_size : TFTP_DEFAULT_BLOCK_SIZE)
    , m_timeout_ms(granted.timeout_seconds != 0 ? u32(granted.timeout_seconds) * 1000 : limits.default_timeout_ms)
    , m_max_retries(limits.max_retries)
    , m_first_block(granted.is_empty() ? 1 : 0)
    , m_started_ms(now_ms)
    , m_last_sent_ms(now_ms)
{
}

Result<OwnPtr<TftpTransfer>> TftpTransfer::create(TftpTransferId id, TftpEndpoint client, TftpPath const& path,
    OwnPtr<TftpFile> file, TftpOptions const& requested, TftpTransferLimits const& limits, u64 now_ms)
{
    TftpOptions granted = grant(requested, limits, file->size());
    auto transfer = TRY(adopt_own_if_nonnull(
        new (std::nothrow) TftpTransfer(id, client, path, std::move(file), granted, limits, now_ms)));
    usize capacity = TFTP_HEADER_SIZE + transfer->m_block_size;
    TRY(transfer->m_packet.try_reserve(capacity > OPTION_ACK_CAPACITY ? capacity : OPTION_ACK_CAPACITY));
    return transfer;
}

Result<void> TftpTransfer::start(u64 now_ms)
{
    m_last_sent_ms = now_ms;
    m_retries = 0;
    if (m_first_block == 0)
        return build_option_ack();
    return build_data(1);
}

Result<TftpTransfer::AckOutcome> TftpTransfer::on_ack(u16 block, u64 now_ms)
{
    if (block != wire_block())
        return AckOutcome::Ignored;
    if (m_outstanding_block != 0)
        m_bytes_acked += m_payload_size;
    if (m_outstanding_is_last)
        return AckOutcome::Done;
    TRY(build_data(m_outstanding_block + 1));
    m_last_sent_ms = now_ms;
    m_retries = 0;
    return AckOutcome::Next;
}

TftpTransfer::TickOutcome TftpTransfer::on_tick(u64 now_ms)
{
    if (now_ms < deadline_ms())
        return TickOutcome::Wait;
    if (m_retries >= m_max_retries)
        return TickOutcome::GiveUp;
    ++m_retries;
    m_last_sent_ms = now_ms;
    return TickOutcome::Resend;
}

Result<void> TftpTransfer::build_option_ack()
{
    TRY(m_packet.try_resize(OPTION_ACK_CAPACITY));
    usize size = TRY(encode_tftp_option_ack(m_granted, m_packet.data(), m_packet.size()));
    TRY(m_packet.try_resize(size));
    m_outstanding_block = 0;
    m_outstanding_is_last = false;
    m_payload_size = 0;
    return {};
}

Result<void> TftpTransfer::build_data(u64 block)
{
    u64 offset = (block - 1) * m_block_size;
    u64 remaining = offset < m_file_size ? m_file_size - offset : 0;
    usize count = remaining < m_block_size ? usize(remaining) : m_block_size;
    TRY(m_packet.try_resize(TFTP_HEADER_SIZE + count));
    u8* payload = m_packet.data() + TFTP_HEADER_SIZE;
    if (count != 0) {
        usize read = TRY(m_file->read(offset, payload, count));
        if (read != count)
            return Error::IoError;
    }
    TRY(encode_tftp_data(u16(block), payload, count, m_packet.data(), m_packet.size()));
    m_outstanding_block = block;
    m_outstanding_is_last = count < m_block_size;
    m_payload_size = count;
    return {};
}

} // namespace net
