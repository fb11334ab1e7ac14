// TFTP packet tests: requests as GRUB and iPXE send them, the option values a
// server must ignore or clamp, every malformed shape, and encoders that decode
// back to what they were given.
#include <catch2/catch.hpp>

#include <deque>
#include <string>
#include <vector>

#include "net/bootserver/tftp_packet.h"

using namespace net;
using namespace std::string_literals;

namespace {

std::vector<u8> bytes_of(std::string const& text) { return std::vector<u8>(text.begin(), text.end()); }

// "\0\1" + text: a read request whose body is text (NULs included).
std::vector<u8> rrq(std::string const& body) { return bytes_of("\0\1"s + body); }

// Decoded strings point into the datagram, so every datagram is kept to the end.
Result<TftpPacket> decode(std::vector<u8> bytes)
{
    static std::deque<std::vector<u8>> kept;
    kept.push_back(std::move(bytes));
    return decode_tftp_packet(kept.back().data(), kept.back().size());
}

std::string text(StringView view) { return std::string(view.characters(), view.length()); }

} // namespace

TEST_CASE("tftp: GRUB's read request decodes with its blksize and tsize", "[tftp]")
{
    auto packet = decode(rrq("/boot/grub/i386-pc/normal.mod\0octet\0blksize\0" "1024\0tsize\0" "0\0"s));
    REQUIRE(!packet.is_error());
    CHECK(packet.value().opcode == TftpOpcode::ReadRequest);
    CHECK(text(packet.value().filename) == "/boot/grub/i386-pc/normal.mod");
    CHECK(packet.value().mode == TftpMode::Octet);
    CHECK(packet.value().options.block_size == 1024);
    CHECK(packet.value().options.has_transfer_size);
    CHECK(packet.value().options.transfer_size == 0);
    CHECK(packet.value().options.timeout_seconds == 0);
}

TEST_CASE("tftp: a request without options has none", "[tftp]")
{
    auto packet = decode(rrq("core.0\0octet\0"s));
    REQUIRE(!packet.is_error());
    CHECK(text(packet.value().filename) == "core.0");
    CHECK(packet.value().options.is_empty());
}

TEST_CASE("tftp: mode and option names are read in any case", "[tftp]")
{
    auto packet = decode(rrq("f\0OcTeT\0BLKSIZE\0" "1468\0TimeOut\0" "3\0TSIZE\0" "0\0"s));
    REQUIRE(!packet.is_error());
    CHECK(packet.value().mode == TftpMode::Octet);
    CHECK(packet.value().options.block_size == 1468);
    CHECK(packet.value().options.timeout_seconds == 3);
    CHECK(packet.value().options.has_transfer_size);

    CHECK(decode(rrq("f\0NetAscii\0"s)).value().mode == TftpMode::Netascii);
    CHECK(decode(rrq("f\0mail\0"s)).value().mode == TftpMode::Mail);
}

TEST_CASE("tftp: unknown options are skipped, empty values included (iPXE's multicast)", "[tftp]")
{
    auto packet = decode(rrq("f\0octet\0multicast\0\0windowsize\0" "8\0blksize\0" "512\0"s));
    REQUIRE(!packet.is_error());
    CHECK(packet.value().options.block_size == 512);
    CHECK(!packet.value().options.has_transfer_size);
}

TEST_CASE("tftp: option values out of range are ignored or clamped", "[tftp]")
{
    struct Case {
        std::string body;
        u16 block_size;
        u8 timeout;
        bool tsize;
    };
    std::vector<Case> cases = {
        { "f\0octet\0blksize\0" "7\0"s, 0, 0, false },
        { "f\0octet\0blksize\0" "8\0"s, 8, 0, false },
        { "f\0octet\0blksize\0" "65464\0"s, 65464, 0, false },
        { "f\0octet\0blksize\0" "65465\0"s, 65464, 0, false },
        { "f\0octet\0blksize\0" "99999999999999999999999\0"s, 65464, 0, false },
        { "f\0octet\0blksize\0" "-1\0"s, 0, 0, false },
        { "f\0octet\0blksize\0" "0x400\0"s, 0, 0, false },
        { "f\0octet\0blksize\0\0"s, 0, 0, false },
        { "f\0octet\0timeout\0" "0\0"s, 0, 0, false },
        { "f\0octet\0timeout\0" "1\0"s, 0, 1, false },
        { "f\0octet\0timeout\0" "255\0"s, 0, 255, false },
        { "f\0octet\0timeout\0" "256\0"s, 0, 0, false },
        { "f\0octet\0tsize\0" "12345678901\0"s, 0, 0, true },
        { "f\0octet\0tsize\0" "x\0"s, 0, 0, false },
        // The first of a repeated option wins, even when it was unusable.
        { "f\0octet\0blksize\0" "1024\0blksize\0" "512\0"s, 1024, 0, false },
        { "f\0octet\0blksize\0" "1\0blksize\0" "512\0"s, 0, 0, false },
    };
    for (auto const& c : cases) {
        INFO(c.body);
        auto packet = decode(rrq(c.body));
        REQUIRE(!packet.is_error());
        CHECK(packet.value().options.block_size == c.block_size);
        CHECK(packet.value().options.timeout_seconds == c.timeout);
        CHECK(packet.value().options.has_transfer_size == c.tsize);
    }
    CHECK(decode(rrq("f\0octet\0tsize\0" "12345678901\0"s)).value().options.transfer_size
        == 12345678901ull);
}

TEST_CASE("tftp: malformed requests are BadMessage", "[tftp]")
{
    std::vector<std::string> bodies = {
        ""s,                                   // nothing after the opcode
        "core.0"s,                          // filename without its NUL
        "core.0\0"s,                        // no mode
        "core.0\0octet"s,                  // mode without its NUL
        "\0octet\0"s,                       // empty filename
        "core.0\0binary\0"s,               // unknown mode
        "core.0\0\0"s,                      // empty mode
        "core.0\0octet\0blksize"s,         // option name without its NUL
        "core.0\0octet\0blksize\0"s,       // name with no value
        "core.0\0octet\0blksize\0" "512"s, // value without its NUL
        "core.0\0octet\0\0" "512\0"s,      // empty option name
        "core.0\0octet\0\0"s,              // a stray NUL after the mode
    };
    for (auto const& body : bodies) {
        INFO(body);
        CHECK(decode(rrq(body)).error() == Error::BadMessage);
        auto write = bytes_of("\0\2"s + body);
        CHECK(decode(write).error() == Error::BadMessage);
    }
}

TEST_CASE("tftp: short datagrams and unknown opcodes are BadMessage", "[tftp]")
{
    std::vector<std::string> datagrams = {
        ""s, "\0"s, "\x05"s, "\0\0"s,
        "\0\x07"s, "\xff\xff"s, "\0\x03\0"s,
        "\0\x04\0"s, "\0\x05\0"s, "\0\x06" "blksize"s,
        "\0\x06" "blksize\0"s,
    };
    for (auto const& datagram : datagrams) {
        INFO(datagram.size());
        CHECK(decode(bytes_of(datagram)).error() == Error::BadMessage);
    }
}

TEST_CASE("tftp: DATA, ACK, ERROR and OACK decode", "[tftp]")
{
    auto data = decode(bytes_of("\0\x03\x12\x34hello"s));
    REQUIRE(!data.is_error());
    CHECK(data.value().opcode == TftpOpcode::Data);
    CHECK(data.value().block == 0x1234);
    CHECK(std::string(reinterpret_cast<char const*>(data.value().data), data.value().data_size) == "hello");
    CHECK(decode(bytes_of("\0\x03\0\x01"s)).value().data_size == 0);

    auto ack = decode(bytes_of("\0\x04\xff\xff"s));
    REQUIRE(!ack.is_error());
    CHECK(ack.value().opcode == TftpOpcode::Ack);
    CHECK(ack.value().block == 0xffff);
    // Padding after an ACK's block number is tolerated.
    CHECK(decode(bytes_of("\0\x04\0\x07\0\0\0\0"s)).value().block == 7);

    auto error = decode(bytes_of("\0\x05\0\0closed\0"s));
    REQUIRE(!error.is_error());
    CHECK(error.value().opcode == TftpOpcode::Error);
    CHECK(error.value().error_code == 0);
    CHECK(text(error.value().error_message) == "closed");
    // A message without its NUL still ends the transfer; one with bytes after its NUL too.
    CHECK(text(decode(bytes_of("\0\x05\0\x08no"s)).value().error_message) == "no");
    CHECK(text(decode(bytes_of("\0\x05\0\x01x\0yz"s)).value().error_message) == "x");
    CHECK(decode(bytes_of("\0\x05\x12\x34"s)).value().error_code == 0x1234);

    auto oack = decode(bytes_of("\0\x06" "blksize\0" "1468\0tsize\0" "4096\0"s));
    REQUIRE(!oack.is_error());
    CHECK(oack.value().opcode == TftpOpcode::OptionAck);
    CHECK(oack.value().options.block_size == 1468);
    CHECK(oack.value().options.transfer_size == 4096);
}

TEST_CASE("tftp: the opcode can be read from garbage", "[tftp]")
{
    u8 one[] = { 0 };
    u8 two[] = { 0, 2, 'x' };
    CHECK(!peek_tftp_opcode(one, 1));
    CHECK(peek_tftp_opcode(two, 3) == 2);
}

TEST_CASE("tftp: encoded packets decode to what was encoded", "[tftp]")
{
    u8 buffer[256];
    auto written = [&buffer](Result<usize> size) {
        REQUIRE(!size.is_error());
        return std::string(reinterpret_cast<char*>(buffer), size.value());
    };
    TftpOptions options;
    options.block_size = 1468;
    options.timeout_seconds = 9;
    options.has_transfer_size = true;
    options.transfer_size = 18446744073709551615ull;

    std::string request = written(
        encode_tftp_request(TftpOpcode::ReadRequest, "boot/unum.elf"_sv, "octet"_sv, options, buffer, sizeof(buffer)));
    auto decoded = decode(bytes_of(request));
    REQUIRE(!decoded.is_error());
    CHECK(decoded.value().opcode == TftpOpcode::ReadRequest);
    CHECK(text(decoded.value().filename) == "boot/unum.elf");
    CHECK(decoded.value().options == options);

    std::string oack = written(encode_tftp_option_ack(options, buffer, sizeof(buffer)));
    CHECK(oack == "\0\x06" "blksize\0" "1468\0tsize\0" "18446744073709551615\0timeout\0" "9\0"s);
    CHECK(decode(bytes_of(oack)).value().options == options);

    CHECK(written(encode_tftp_ack(65535, buffer, sizeof(buffer))) == "\0\x04\xff\xff"s);
    CHECK(written(encode_tftp_error(TftpErrorCode::FileNotFound, "file not found"_sv, buffer, sizeof(buffer)))
        == "\0\x05\0\x01" "file not found\0"s);

    u8 payload[] = { 1, 2, 3 };
    CHECK(written(encode_tftp_data(0x0102, payload, 3, buffer, sizeof(buffer))) == "\0\x03\x01\x02\x01\x02\x03"s);
    // The payload may already sit where it belongs.
    buffer[4] = 'a';
    buffer[5] = 'b';
    CHECK(written(encode_tftp_data(9, buffer + 4, 2, buffer, sizeof(buffer))) == "\0\x03\0\x09" "ab"s);
}

TEST_CASE("tftp: encoders refuse what would not decode and what does not fit", "[tftp]")
{
    u8 buffer[32];
    TftpOptions none;
    CHECK(encode_tftp_request(TftpOpcode::ReadRequest, ""_sv, "octet"_sv, none, buffer, 32).error()
        == Error::InvalidArgument);
    CHECK(encode_tftp_request(TftpOpcode::ReadRequest, StringView("a\0b", 3), "octet"_sv, none, buffer, 32).error()
        == Error::InvalidArgument);
    CHECK(encode_tftp_request(TftpOpcode::ReadRequest, "a"_sv, ""_sv, none, buffer, 32).error()
        == Error::InvalidArgument);
    CHECK(encode_tftp_error(TftpErrorCode::NotDefined, StringView("a\0", 2), buffer, 32).error()
        == Error::InvalidArgument);

    CHECK(encode_tftp_request(TftpOpcode::ReadRequest, "a-rather-longer-file-name"_sv, "octet"_sv, none, buffer, 32)
              .error()
        == Error::NoSpace);
    CHECK(encode_tftp_request(TftpOpcode::ReadRequest, "a"_sv, "octet"_sv, none, buffer, 10).value() == 10);
    CHECK(encode_tftp_request(TftpOpcode::ReadRequest, "a"_sv, "octet"_sv, none, buffer, 9).error() == Error::NoSpace);
    CHECK(encode_tftp_ack(1, buffer, 3).error() == Error::NoSpace);
    CHECK(encode_tftp_data(1, buffer, 5, buffer, 8).error() == Error::NoSpace);
    CHECK(encode_tftp_error(TftpErrorCode::NotDefined, "abc"_sv, buffer, 7).error() == Error::NoSpace);
    CHECK(encode_tftp_error(TftpErrorCode::NotDefined, "abc"_sv, buffer, 8).value() == 8);
    TftpOptions big;
    big.block_size = 512;
    CHECK(encode_tftp_option_ack(big, buffer, 13).error() == Error::NoSpace);
    CHECK(encode_tftp_option_ack(big, buffer, 14).value() == 14);
}

TEST_CASE("tftp: error codes have counter names", "[tftp]")
{
    CHECK(text(tftp_error_code_name(TftpErrorCode::NotDefined)) == "undef");
    CHECK(text(tftp_error_code_name(TftpErrorCode::UnknownTransferId)) == "tid");
    CHECK(text(tftp_error_code_name(TftpErrorCode::OptionRefused)) == "option");
    CHECK(text(tftp_error_code_name(TftpErrorCode(42))) == "unknown");
}
