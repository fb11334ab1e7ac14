// Stream framing: frames reassemble from any split of the bytes, several
// frames in one read come out one at a time, and bad lengths poison the stream.
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "kernel/cluster/frame_stream_decoder.h"

namespace {

std::vector<std::vector<u8>> decode_in_pieces(std::vector<u8> const& stream, usize piece, usize max_frame = 1000)
{
    FrameStreamDecoder decoder(max_frame);
    std::vector<std::vector<u8>> frames;
    usize offset = 0;
    while (offset < stream.size()) {
        usize size = stream.size() - offset < piece ? stream.size() - offset : piece;
        auto used = decoder.feed(stream.data() + offset, size);
        REQUIRE(!used.is_error());
        offset += used.value();
        if (decoder.has_frame()) {
            frames.emplace_back(decoder.frame(), decoder.frame() + decoder.frame_size());
            decoder.next_frame();
        }
    }
    REQUIRE(decoder.buffered() == 0);
    return frames;
}

} // namespace

TEST_CASE("frames reassemble from pieces of every size", "[cluster][frame]")
{
    Vector<u8> stream;
    std::vector<std::vector<u8>> sent;
    for (usize length : { 1, 5, 300, 1000, 2 }) {
        std::vector<u8> payload(length);
        for (usize i = 0; i < length; ++i)
            payload[i] = u8(length + i);
        REQUIRE(!append_frame(stream, payload.data(), payload.size(), 1000).is_error());
        sent.push_back(payload);
    }
    std::vector<u8> bytes(stream.begin(), stream.end());
    for (usize piece : { 1, 2, 3, 4, 7, 64, 1000, 5000 })
        REQUIRE(decode_in_pieces(bytes, piece) == sent);
}

TEST_CASE("zero and oversized lengths poison the stream", "[cluster][frame]")
{
    u8 zero[] = { 0, 0, 0, 0, 1 };
    FrameStreamDecoder decoder(16);
    REQUIRE(decoder.feed(zero, sizeof(zero)).error() == Error::BadMessage);
    REQUIRE(decoder.is_poisoned());
    REQUIRE(decoder.feed(zero, 1).error() == Error::BadMessage);

    u8 big[] = { 17, 0, 0, 0 };
    FrameStreamDecoder limited(16);
    REQUIRE(limited.feed(big, 2).value() == 2);
    REQUIRE(limited.feed(big + 2, 2).error() == Error::BadMessage);

    Vector<u8> out;
    u8 payload[17] {};
    REQUIRE(append_frame(out, payload, 17, 16).error() == Error::MessageTooLong);
    REQUIRE(append_frame(out, payload, 0, 16).error() == Error::MessageTooLong);
}

TEST_CASE("a huge announced length does not allocate ahead of the bytes", "[cluster][frame]")
{
    u8 header[] = { 0xff, 0xff, 0x0f, 0x00, 'a' }; // ~1 MiB announced, 1 byte sent
    FrameStreamDecoder decoder(1 * MiB);
    REQUIRE(decoder.feed(header, sizeof(header)).value() == sizeof(header));
    REQUIRE(!decoder.has_frame());
    REQUIRE(decoder.buffered() == 1);
}
