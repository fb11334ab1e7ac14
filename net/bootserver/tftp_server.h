// TftpServer: the read-only TFTP server of the boot services (issue 6), as a
// portable state machine. The kernel glue feeds it the datagrams lwIP receives
// and the time, and sends what it asks through TftpTransport; it serves the
// confined netboot tree through TftpFileSource. Not thread-safe: every call comes
// from one thread (the glue's, with the lwIP callbacks serialised onto it).
//
// Sockets: RFC 1350 has each transfer answer from a port of its own (its
// transfer ID), and clients lock onto the port of the first reply (GRUB drops
// anything else). With separate_transfer_sockets (the default) each transfer is
// opened with TftpTransport::open_socket(id), so the glue binds a fresh UDP port
// for it, sends its packets from there and feeds what arrives there back with
// that id; close_socket(id) ends it. Without it everything uses the request
// socket (port 69) and transfers are told apart by the client's address and port.
#pragma once

#include <optional>

#include "kernel/lib/own_ptr.h"
#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"
#include "net/bootserver/tftp_file_source.h"
#include "net/bootserver/tftp_packet.h"
#include "net/bootserver/tftp_path.h"
#include "net/bootserver/tftp_transfer.h"

namespace net {

// The glue's half: UDP sockets and sends. Called only from inside TftpServer's
// methods, on the thread driving it.
class TftpTransport {
public:
    virtual ~TftpTransport() = default;
    // Binds a new UDP socket (any free port) for transfer id. On an error the
    // server answers the request with an ERROR from the request socket instead.
    virtual Result<void> open_socket(TftpTransferId id) = 0;
    // The transfer is over: after the sends already made, close its socket.
    virtual void close_socket(TftpTransferId id) = 0;
    // One datagram from socket (TFTP_REQUEST_SOCKET: port 69) to `to`. Loss is
    // fine (the server resends); the bytes are only valid during the call.
    virtual void send(TftpTransferId socket, TftpEndpoint to, u8 const* bytes, usize size) = 0;
};

struct TftpServerConfig {
    TftpTransferLimits limits;
    usize max_transfers = 16; // at once; more requests get an ERROR
    bool separate_transfer_sockets = true;
    TftpPathPolicy path_policy;
};

struct TftpCounters {
    u64 requests = 0;          // RRQ and WRQ received (repeats included)
    u64 transfers_started = 0;
    u64 files_sent = 0;        // transfers whose last block was acknowledged
    u64 bytes_sent = 0;        // file bytes in DATA packets, first sends only
    u64 packets_sent = 0;      // every datagram, ERRORs and resends included
    u64 retransmissions = 0;   // packets sent again (timeout or a repeated request)
    u64 timeouts = 0;          // transfers given up after max_retries
    u64 client_errors = 0;     // transfers the client ended with an ERROR
    u64 duplicate_acks = 0;    // ACKs of anything but the outstanding block (ignored)
    u64 malformed = 0;         // datagrams dropped: undecodable or out of place
    u64 errors_sent[TFTP_ERROR_CODE_COUNT] = {}; // ERROR packets sent, by code
};

// One active transfer, for /proc and the monitor.
struct TftpTransferInfo {
    TftpTransferId id = 0;
    TftpEndpoint client;
    TftpPath path;
    u64 file_size = 0;
    u64 bytes_acked = 0;
    u16 block_size = 0;
    u16 block = 0;       // on the wire, of the outstanding packet
    u32 timeout_ms = 0;
    u8 retries = 0;
    u64 age_ms = 0;
};

class TftpServer {
public:
    // InvalidArgument when limits.max_block_size is outside 8..65464, the timeout
    // or max_transfers is 0; NoMemory. source and transport must outlive the server.
    static Result<OwnPtr<TftpServer>> create(TftpServerConfig const& config, TftpFileSource& source,
        TftpTransport& transport);
    ~TftpServer();

    // One datagram that arrived on socket (TFTP_REQUEST_SOCKET for port 69, else
    // the id of the transfer whose socket it came to) from `from`. now_ms is a
    // monotonic clock in milliseconds. Datagrams for unknown transfer sockets
    // (any, without separate_transfer_sockets) are dropped.
    void handle(TftpTransferId socket, TftpEndpoint from, u8 const* bytes, usize size, u64 now_ms);
    // Resends what timed out and drops transfers out of retries. Call at least
    // every 100 ms or so while transfers are active (or at next_deadline_ms()).
    void on_tick(u64 now_ms);
    // The earliest time on_tick has work; none when no transfer is active.
    std::optional<u64> next_deadline_ms() const;
    // Ends a transfer without a word to the client (the glue lost its socket, or
    // is shutting down); closes its socket. Unknown ids are ignored.
    void abort_transfer(TftpTransferId id);

    TftpServerConfig const& config() const { return m_config; }
    TftpCounters const& counters() const { return m_counters; }
    usize active_transfers() const { return m_transfers.size(); }
    // A snapshot of the active transfers, oldest first. NoMemory.
    Result<Vector<TftpTransferInfo>> transfers(u64 now_ms) const;

private:
    TftpServer(TftpServerConfig const& config, TftpFileSource& source, TftpTransport& transport);

    void handle_request(TftpEndpoint from, TftpPacket const& packet, u64 now_ms);
    void handle_for_transfer(usize index, TftpPacket const& packet, u64 now_ms);
    void start_transfer(TftpEndpoint from, TftpPacket const& request, u64 now_ms);
    TftpTransferId allocate_id();
    TftpTransferId socket_of(TftpTransfer const& transfer) const;
    void send_packet(TftpTransferId socket, TftpEndpoint to, u8 const* bytes, usize size);
    void send_error(TftpTransferId socket, TftpEndpoint to, TftpErrorCode code, StringView message);
    // Ends the transfer at index, first sending it an ERROR when code is given.
    void end_transfer(usize index, std::optional<TftpErrorCode> code = std::nullopt, StringView message = {});
    std::optional<usize> find_by_id(TftpTransferId id) const;
    std::optional<usize> find_by_client(TftpEndpoint client) const;

    TftpServerConfig m_config;
    TftpFileSource& m_source;
    TftpTransport& m_transport;
    Vector<OwnPtr<TftpTransfer>> m_transfers; // oldest first; capacity max_transfers
    TftpTransferId m_next_id { 1 };
    TftpCounters m_counters;
};

// Room for the longest line either formatter below can produce.
inline constexpr usize TFTP_STATUS_LINE_CAPACITY = 640;

// One /proc line per transfer, the file last so a name with spaces stays whole:
//   id=N client=A.B.C.D:P size=N acked=N blksize=N block=N timeout_ms=N retries=N age_ms=N file=PATH
// With its '\n', NUL-terminated; returns the length. NoSpace when capacity is too small.
Result<usize> format_tftp_transfer_line(TftpTransferInfo const& info, char* buffer, usize capacity);
// The counters as one line:
//   requests=N started=N files=N bytes=N packets=N retransmits=N timeouts=N client_errors=N
//   dup_acks=N malformed=N err_undef=N err_notfound=N ... err_option=N
// (one line, single spaces; the err_ keys are tftp_error_code_name()s in code order).
Result<usize> format_tftp_counters_line(TftpCounters const& counters, char* buffer, usize capacity);

} // namespace net
