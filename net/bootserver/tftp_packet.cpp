// TFTP packet decoding and encoding (see tftp_packet.h). Every read is bounded
// by the datagram's size; all fields are big-endian.
#include "net/bootserver/tftp_packet.h"

#include "kernel/lib/string.h"

namespace net {

namespace {

u16 load_be16(u8 const* in) { return u16((u16(in[0]) << 8) | in[1]); }
void store_be16(u8* out, u16 value)
{
    out[0] = u8(value >> 8);
    out[1] = u8(value);
}

bool has_nul(StringView text) { return text.contains('\0'); }

// Reads the NUL-terminated string at *offset and moves past its NUL. BadMessage
// when the datagram ends before the NUL.
Result<StringView> take_string(u8 const* bytes, usize size, usize& offset)
{
    for (usize i = offset; i < size; ++i) {
        if (bytes[i] == 0) {
            StringView text(reinterpret_cast<char const*>(bytes) + offset, i - offset);
            offset = i + 1;
            return text;
        }
    }
    return Error::BadMessage;
}

Result<TftpMode> parse_mode(StringView text)
{
    if (text.equals_ignoring_case("octet"_sv))
        return TftpMode::Octet;
    if (text.equals_ignoring_case("netascii"_sv))
        return TftpMode::Netascii;
    if (text.equals_ignoring_case("mail"_sv))
        return TftpMode::Mail;
    return Error::BadMessage;
}

// One known option's value, applied unless that option was already seen. A
// value this server cannot use leaves the option absent (RFC 2347: the server
// simply does not acknowledge it).
void apply_option(StringView name, StringView value, TftpOptions& options, bool seen[3])
{
    auto number = value.to_u64(10);
    if (name.equals_ignoring_case("blksize"_sv)) {
        if (seen[0])
            return;
        seen[0] = true;
        if (!number.is_error() && number.value() >= TFTP_MIN_BLOCK_SIZE)
            options.block_size = number.value() > TFTP_MAX_BLOCK_SIZE ? TFTP_MAX_BLOCK_SIZE : u16(number.value());
        else if (number.error() == Error::Overflow)
            options.block_size = TFTP_MAX_BLOCK_SIZE;
    } else if (name.equals_ignoring_case("timeout"_sv)) {
        if (seen[1])
            return;
        seen[1] = true;
        if (!number.is_error() && number.value() >= 1 && number.value() <= 255)
            options.timeout_seconds = u8(number.value());
    } else if (name.equals_ignoring_case("tsize"_sv)) {
        if (seen[2])
            return;
        seen[2] = true;
        if (!number.is_error()) {
            options.has_transfer_size = true;
            options.transfer_size = number.value();
        }
    }
}

Result<TftpOptions> parse_options(u8 const* bytes, usize size, usize offset)
{
    TftpOptions options;
    bool seen[3] = {};
    while (offset < size) {
        StringView name = TRY(take_string(bytes, size, offset));
        if (name.is_empty())
            return Error::BadMessage;
        if (offset >= size)
            return Error::BadMessage; // a name with no value
        StringView value = TRY(take_string(bytes, size, offset));
        apply_option(name, value, options, seen);
    }
    return options;
}

Result<TftpPacket> decode_request(TftpPacket packet, u8 const* bytes, usize size)
{
    usize offset = 2;
    packet.filename = TRY(take_string(bytes, size, offset));
    if (packet.filename.is_empty())
        return Error::BadMessage;
    packet.mode = TRY(parse_mode(TRY(take_string(bytes, size, offset))));
    packet.options = TRY(parse_options(bytes, size, offset));
    return packet;
}

// Appends text and its NUL at *offset; false when it does not fit.
bool put_string(StringView text, u8* out, usize capacity, usize& offset)
{
    if (text.length() >= capacity - offset)
        return false;
    memcpy(out + offset, text.characters(), text.length());
    offset += text.length();
    out[offset++] = 0;
    return true;
}

bool put_number(u64 value, u8* out, usize capacity, usize& offset)
{
    char text[20]; // u64 has at most 20 decimal digits
    usize start = sizeof(text);
    do {
        text[--start] = char('0' + value % 10);
        value /= 10;
    } while (value != 0);
    return put_string(StringView(text + start, sizeof(text) - start), out, capacity, offset);
}

bool put_options(TftpOptions const& options, u8* out, usize capacity, usize& offset)
{
    if (options.block_size != 0
        && (!put_string("blksize"_sv, out, capacity, offset) || !put_number(options.block_size, out, capacity, offset)))
        return false;
    if (options.has_transfer_size
        && (!put_string("tsize"_sv, out, capacity, offset)
            || !put_number(options.transfer_size, out, capacity, offset)))
        return false;
    if (options.timeout_seconds != 0
        && (!put_string("timeout"_sv, out, capacity, offset)
            || !put_number(options.timeout_seconds, out, capacity, offset)))
        return false;
    return true;
}

} // namespace

StringView tftp_error_code_name(TftpErrorCode code)
{
    switch (code) {
    case TftpErrorCode::NotDefined:
        return "undef"_sv;
    case TftpErrorCode::FileNotFound:
        return "notfound"_sv;
    case TftpErrorCode::AccessViolation:
        return "access"_sv;
    case TftpErrorCode::DiskFull:
        return "full"_sv;
    case TftpErrorCode::IllegalOperation:
        return "illegal"_sv;
    case TftpErrorCode::UnknownTransferId:
        return "tid"_sv;
    case TftpErrorCode::FileExists:
        return "exists"_sv;
    case TftpErrorCode::NoSuchUser:
        return "user"_sv;
    case TftpErrorCode::OptionRefused:
        return "option"_sv;
    }
    return "unknown"_sv;
}

std::optional<u16> peek_tftp_opcode(u8 const* bytes, usize size)
{
    if (size < 2)
        return std::nullopt;
    return load_be16(bytes);
}

Result<TftpPacket> decode_tftp_packet(u8 const* bytes, usize size)
{
    if (size < 2)
        return Error::BadMessage;
    TftpPacket packet;
    u16 opcode = load_be16(bytes);
    switch (opcode) {
    case u16(TftpOpcode::ReadRequest):
    case u16(TftpOpcode::WriteRequest):
        packet.opcode = TftpOpcode(opcode);
        return decode_request(packet, bytes, size);
    case u16(TftpOpcode::Data):
        if (size < TFTP_HEADER_SIZE)
            return Error::BadMessage;
        packet.opcode = TftpOpcode::Data;
        packet.block = load_be16(bytes + 2);
        packet.data = bytes + TFTP_HEADER_SIZE;
        packet.data_size = size - TFTP_HEADER_SIZE;
        return packet;
    case u16(TftpOpcode::Ack):
        if (size < TFTP_HEADER_SIZE)
            return Error::BadMessage;
        packet.opcode = TftpOpcode::Ack;
        packet.block = load_be16(bytes + 2);
        return packet;
    case u16(TftpOpcode::Error): {
        if (size < TFTP_HEADER_SIZE)
            return Error::BadMessage;
        packet.opcode = TftpOpcode::Error;
        packet.error_code = load_be16(bytes + 2);
        usize offset = TFTP_HEADER_SIZE;
        auto message = take_string(bytes, size, offset);
        packet.error_message = message.is_error()
            ? StringView(reinterpret_cast<char const*>(bytes) + TFTP_HEADER_SIZE, size - TFTP_HEADER_SIZE)
            : message.value();
        return packet;
    }
    case u16(TftpOpcode::OptionAck):
        packet.opcode = TftpOpcode::OptionAck;
        packet.options = TRY(parse_options(bytes, size, 2));
        return packet;
    default:
        return Error::BadMessage;
    }
}

Result<usize> encode_tftp_request(TftpOpcode opcode, StringView filename, StringView mode,
    TftpOptions const& options, u8* out, usize capacity)
{
    if (filename.is_empty() || mode.is_empty() || has_nul(filename) || has_nul(mode))
        return Error::InvalidArgument;
    if (capacity < 2)
        return Error::NoSpace;
    store_be16(out, u16(opcode));
    usize offset = 2;
    if (!put_string(filename, out, capacity, offset) || !put_string(mode, out, capacity, offset)
        || !put_options(options, out, capacity, offset))
        return Error::NoSpace;
    return offset;
}

Result<usize> encode_tftp_data(u16 block, u8 const* payload, usize size, u8* out, usize capacity)
{
    if (capacity < TFTP_HEADER_SIZE || size > capacity - TFTP_HEADER_SIZE)
        return Error::NoSpace;
    if (size != 0 && payload != out + TFTP_HEADER_SIZE)
        memmove(out + TFTP_HEADER_SIZE, payload, size);
    store_be16(out, u16(TftpOpcode::Data));
    store_be16(out + 2, block);
    return TFTP_HEADER_SIZE + size;
}

Result<usize> encode_tftp_ack(u16 block, u8* out, usize capacity)
{
    if (capacity < TFTP_HEADER_SIZE)
        return Error::NoSpace;
    store_be16(out, u16(TftpOpcode::Ack));
    store_be16(out + 2, block);
    return TFTP_HEADER_SIZE;
}

Result<usize> encode_tftp_option_ack(TftpOptions const& options, u8* out, usize capacity)
{
    if (capacity < 2)
        return Error::NoSpace;
    store_be16(out, u16(TftpOpcode::OptionAck));
    usize offset = 2;
    if (!put_options(options, out, capacity, offset))
        return Error::NoSpace;
    return offset;
}

Result<usize> encode_tftp_error(u16 code, StringView message, u8* out, usize capacity)
{
    if (has_nul(message))
        return Error::InvalidArgument;
    if (capacity < TFTP_HEADER_SIZE)
        return Error::NoSpace;
    store_be16(out, u16(TftpOpcode::Error));
    store_be16(out + 2, code);
    usize offset = TFTP_HEADER_SIZE;
    if (!put_string(message, out, capacity, offset))
        return Error::NoSpace;
    return offset;
}

} // namespace net
