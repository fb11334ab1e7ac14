// TFTP packets (RFC 1350, with the option extension of RFC 2347 and the
// blksize, timeout and tsize options of RFC 2348 and 2349): decoding of untrusted
// datagrams and encoding of what a read-only server (and a test client) sends.
// Portable and fuzzed (tests/fuzz/tftp_packet_fuzz.cpp); nothing allocates, and
// decoded strings point into the datagram, so they live as long as its bytes.
#pragma once

#include <optional>

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

namespace net {

inline constexpr u16 TFTP_SERVER_PORT = 69;
// Opcode and block number (DATA, ACK) or opcode and error code (ERROR).
inline constexpr usize TFTP_HEADER_SIZE = 4;
inline constexpr u16 TFTP_DEFAULT_BLOCK_SIZE = 512;
inline constexpr u16 TFTP_MIN_BLOCK_SIZE = 8;     // RFC 2348
inline constexpr u16 TFTP_MAX_BLOCK_SIZE = 65464; // RFC 2348: 65535 less the IP and UDP headers
// The largest block that fits a 1500-byte Ethernet MTU unfragmented (1500 - 20 - 8 - 4).
inline constexpr u16 TFTP_ETHERNET_BLOCK_SIZE = 1468;

enum class TftpOpcode : u16 {
    ReadRequest = 1,
    WriteRequest = 2,
    Data = 3,
    Ack = 4,
    Error = 5,
    OptionAck = 6,
};

enum class TftpErrorCode : u16 {
    NotDefined = 0,
    FileNotFound = 1,
    AccessViolation = 2,
    DiskFull = 3,
    IllegalOperation = 4,
    UnknownTransferId = 5,
    FileExists = 6,
    NoSuchUser = 7,
    OptionRefused = 8, // RFC 2347
};
inline constexpr usize TFTP_ERROR_CODE_COUNT = 9;

// "undef" "notfound" "access" "full" "illegal" "tid" "exists" "user" "option"
// (the counters line's err_<name>= keys); "unknown" past OptionRefused.
StringView tftp_error_code_name(TftpErrorCode code);

enum class TftpMode : u8 { Octet, Netascii, Mail };

// The options a request asks for or an option acknowledgment grants. Zero (or
// has_transfer_size false) means the option is absent.
struct TftpOptions {
    u16 block_size = 0;      // TFTP_MIN_BLOCK_SIZE..TFTP_MAX_BLOCK_SIZE
    u8 timeout_seconds = 0;  // 1..255
    bool has_transfer_size = false;
    u64 transfer_size = 0;   // a request sends 0; the OACK carries the file's size

    bool is_empty() const { return block_size == 0 && timeout_seconds == 0 && !has_transfer_size; }
    bool operator==(TftpOptions const&) const = default;
};

// One decoded datagram; which fields mean anything depends on the opcode.
struct TftpPacket {
    TftpOpcode opcode = TftpOpcode::Error;
    StringView filename;        // ReadRequest, WriteRequest: non-empty, no NUL
    TftpMode mode = TftpMode::Octet; // ReadRequest, WriteRequest
    TftpOptions options;        // ReadRequest, WriteRequest, OptionAck
    u16 block = 0;              // Data, Ack
    u8 const* data = nullptr;   // Data: the payload (data_size may be 0)
    usize data_size = 0;
    u16 error_code = 0;         // Error: whatever the peer sent, not only TftpErrorCode values
    StringView error_message;   // Error
};

// Decodes one datagram. BadMessage for: fewer than 2 bytes, an unknown opcode, a
// request whose filename, mode or any option name or value lacks its NUL, an
// empty filename or option name, a mode other than octet, netascii or mail (in
// any case), an option name with no value, or a DATA or ACK shorter than 4 bytes.
// Lenient where real clients are sloppy and nothing is at stake: bytes after an
// ACK's block number are ignored, and an ERROR's message may lack its NUL.
// Options (names in any case; unknown ones are skipped, the first of a
// duplicate wins): blksize below 8 or not a decimal number is ignored and one
// above 65464 is read as 65464 (RFC 2348 lets the server grant less); timeout
// outside 1..255 or not a number is ignored; tsize must be a decimal number
// (else ignored).
Result<TftpPacket> decode_tftp_packet(u8 const* bytes, usize size);

// The opcode field alone (any value), so a malformed request can be told from
// stray garbage. None when there are fewer than 2 bytes.
std::optional<u16> peek_tftp_opcode(u8 const* bytes, usize size);

// Encoders write one packet into out and return its length; NoSpace when
// capacity is too small (out is then unspecified).

// A read or write request (for test clients). InvalidArgument when filename or
// mode is empty or either holds a NUL.
Result<usize> encode_tftp_request(TftpOpcode opcode, StringView filename, StringView mode,
    TftpOptions const& options, u8* out, usize capacity);
// DATA: the header then size bytes of payload (the payload may already be in
// place at out + TFTP_HEADER_SIZE: it is moved, not assumed distinct).
Result<usize> encode_tftp_data(u16 block, u8 const* payload, usize size, u8* out, usize capacity);
Result<usize> encode_tftp_ack(u16 block, u8* out, usize capacity);
// OACK with the options that are present, in the order blksize, tsize, timeout.
Result<usize> encode_tftp_option_ack(TftpOptions const& options, u8* out, usize capacity);
// ERROR with a NUL-terminated message. InvalidArgument when message holds a NUL.
Result<usize> encode_tftp_error(u16 code, StringView message, u8* out, usize capacity);
inline Result<usize> encode_tftp_error(TftpErrorCode code, StringView message, u8* out, usize capacity)
{
    return encode_tftp_error(u16(code), message, out, capacity);
}

} // namespace net
