// TftpTransfer: one read transfer's lock-step state (RFC 1350 with RFC 2347
// negotiation): the one packet outstanding, when to resend it, and the block
// numbers, which wrap from 65535 to 0 as GRUB, iPXE and tftpd-hpa expect. Owned
// by TftpServer, which sends what it builds; it sends nothing itself.
#pragma once

#include "kernel/lib/own_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"
#include "net/bootserver/tftp_file_source.h"
#include "net/bootserver/tftp_packet.h"
#include "net/bootserver/tftp_path.h"
#include "net/stack/ip_config.h"

namespace net {

// Names a transfer and the UDP socket the glue gave it. Never 0, which names the
// server's well-known port (TFTP_REQUEST_SOCKET).
using TftpTransferId = u32;
inline constexpr TftpTransferId TFTP_REQUEST_SOCKET = 0;

struct TftpEndpoint {
    Ipv4Address address;
    u16 port = 0;
    bool operator==(TftpEndpoint const&) const = default;
};

struct TftpTransferLimits {
    u16 max_block_size = TFTP_ETHERNET_BLOCK_SIZE; // TFTP_MIN_BLOCK_SIZE..TFTP_MAX_BLOCK_SIZE
    u32 default_timeout_ms = 1000;                 // when the client does not ask for one
    u8 max_retries = 5;                            // resends of one packet before giving up
};

class TftpTransfer {
public:
    // Grants what it can of requested: blksize up to limits.max_block_size,
    // timeout as asked, tsize as the file's size. NoMemory.
    static Result<OwnPtr<TftpTransfer>> create(TftpTransferId id, TftpEndpoint client, TftpPath const& path,
        OwnPtr<TftpFile> file, TftpOptions const& requested, TftpTransferLimits const& limits, u64 now_ms);

    // Builds the first packet: OACK when any option was granted (the client
    // then ACKs block 0), else DATA 1. Errors are the file's read errors.
    Result<void> start(u64 now_ms);

    enum class AckOutcome : u8 {
        Ignored, // not the outstanding block: a duplicate or old ACK, never answered
        Next,    // packet() is the next DATA, to send now
        Done,    // the last block is acknowledged: the transfer is complete
    };
    // Errors are the file's read errors (the transfer cannot go on).
    Result<AckOutcome> on_ack(u16 block, u64 now_ms);

    enum class TickOutcome : u8 {
        Wait,   // nothing to do before deadline_ms()
        Resend, // the timeout passed: send packet() again
        GiveUp, // max_retries resends went unanswered
    };
    TickOutcome on_tick(u64 now_ms);

    // The outstanding packet, ready to (re)send.
    u8 const* packet() const { return m_packet.data(); }
    usize packet_size() const { return m_packet.size(); }
    // When on_tick has something to do.
    u64 deadline_ms() const { return m_last_sent_ms + m_timeout_ms; }
    // Nothing acknowledged yet (so a repeated request may just be answered again).
    bool is_awaiting_first_ack() const { return m_outstanding_block == m_first_block; }

    TftpTransferId id() const { return m_id; }
    TftpEndpoint client() const { return m_client; }
    TftpPath const& path() const { return m_path; }
    TftpOptions const& granted() const { return m_granted; }
    u64 file_size() const { return m_file_size; }
    u16 block_size() const { return m_block_size; }
    u32 timeout_ms() const { return m_timeout_ms; }
    u8 retries() const { return m_retries; }
    u64 started_ms() const { return m_started_ms; }
    // File bytes the client has acknowledged.
    u64 bytes_acked() const { return m_bytes_acked; }
    // The block number on the wire of the outstanding packet (0 for the OACK).
    u16 wire_block() const { return u16(m_outstanding_block); }
    // Payload bytes of the outstanding packet (0 for an OACK or the empty last block).
    usize payload_size() const { return m_payload_size; }

private:
    TftpTransfer(TftpTransferId id, TftpEndpoint client, TftpPath const& path, OwnPtr<TftpFile> file,
        TftpOptions const& granted, TftpTransferLimits const& limits, u64 now_ms);
    Result<void> build_data(u64 block);
    Result<void> build_option_ack();

    TftpTransferId m_id;
    TftpEndpoint m_client;
    TftpPath m_path;
    OwnPtr<TftpFile> m_file;
    TftpOptions m_granted;
    u64 m_file_size;
    u16 m_block_size;
    u32 m_timeout_ms;
    u8 m_max_retries;
    u64 m_first_block { 0 };       // 0 when an OACK opens the transfer, else 1
    u64 m_outstanding_block { 0 }; // unwrapped: DATA n carries block n mod 65536
    bool m_outstanding_is_last { false };
    usize m_payload_size { 0 };
    u64 m_bytes_acked { 0 };
    u8 m_retries { 0 };
    u64 m_started_ms;
    u64 m_last_sent_ms;
    Vector<u8> m_packet;
};

} // namespace net
