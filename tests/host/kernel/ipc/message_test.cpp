// Message on the host: inline and buffer payloads, typed reads, copies sharing
// buffers, and the wire codec (round trip and rejection of malformed bytes).
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "kernel/ipc/message.h"

TEST_CASE("small payloads are inline, large ones in a shared buffer", "[message]")
{
    u8 small[16];
    memset(small, 0xAB, sizeof(small));
    auto m = Message::create(7, small, sizeof(small));
    REQUIRE(!m.is_error());
    REQUIRE(m.value().type() == 7);
    REQUIRE(m.value().size() == 16);
    REQUIRE(memcmp(m.value().data(), small, 16) == 0);

    std::vector<u8> big(Message::INLINE_CAPACITY + 1);
    for (usize i = 0; i < big.size(); ++i)
        big[i] = u8(i * 7);
    auto b = Message::create(8, big.data(), big.size());
    REQUIRE(!b.is_error());
    Message copy = b.value();
    REQUIRE(copy.size() == big.size());
    REQUIRE(copy.data() == b.value().data()); // shared, immutable
    REQUIRE(memcmp(copy.data(), big.data(), big.size()) == 0);

    std::vector<u8> huge(Message::MAX_PAYLOAD + 1);
    REQUIRE(Message::create(9, huge.data(), huge.size()).error() == Error::MessageTooLong);
}

TEST_CASE("typed payloads read back only at their exact size", "[message]")
{
    struct Pair {
        u32 a;
        u64 b;
    };
    auto m = Message::create_with(3, Pair { 5, 99 });
    REQUIRE(!m.is_error());
    auto pair = m.value().read<Pair>();
    REQUIRE(!pair.is_error());
    REQUIRE(pair.value().a == 5);
    REQUIRE(pair.value().b == 99);
    REQUIRE(m.value().read<u32>().error() == Error::BadMessage);
}

TEST_CASE("encode and decode round-trip every field", "[message]")
{
    for (usize size : { usize(0), usize(10), Message::INLINE_CAPACITY + 100 }) {
        std::vector<u8> payload(size);
        for (usize i = 0; i < size; ++i)
            payload[i] = u8(i ^ 0x5A);
        auto made = Message::create(0xDEADBEEF, payload.data(), size);
        REQUIRE(!made.is_error());
        Message m = made.release_value();
        m.set_status(Error::NotSupported);
        m.set_sender({ 3, 0x1122334455667788ull });
        m.set_reply_token(42);
        std::vector<u8> wire(m.encoded_size());
        REQUIRE(m.encode(wire.data(), wire.size() - 1).error() == Error::NoBufferSpace);
        auto written = m.encode(wire.data(), wire.size());
        REQUIRE(!written.is_error());
        REQUIRE(written.value() == Message::HEADER_SIZE + size);
        auto decoded = Message::decode(wire.data(), wire.size());
        REQUIRE(!decoded.is_error());
        Message const& d = decoded.value();
        REQUIRE(d.type() == 0xDEADBEEF);
        REQUIRE(d.status() == Error::NotSupported);
        REQUIRE(d.sender().node == 3);
        REQUIRE(d.sender().thread_id == 0x1122334455667788ull);
        REQUIRE(d.reply_token() == 42);
        REQUIRE(d.size() == size);
        REQUIRE((size == 0 || memcmp(d.data(), payload.data(), size) == 0));
    }
}

TEST_CASE("decode rejects truncated, padded and ill-formed bytes", "[message]")
{
    Message m(1);
    REQUIRE(!m.set_payload("abc", 3).is_error());
    std::vector<u8> wire(m.encoded_size());
    REQUIRE(!m.encode(wire.data(), wire.size()).is_error());
    REQUIRE(Message::decode(wire.data(), wire.size() - 1).error() == Error::BadMessage);
    REQUIRE(Message::decode(wire.data(), 5).error() == Error::BadMessage);
    std::vector<u8> padded = wire;
    padded.push_back(0);
    REQUIRE(Message::decode(padded.data(), padded.size()).error() == Error::BadMessage);
    std::vector<u8> bad_status = wire;
    bad_status[4] = 0xFF; // not an Error value
    REQUIRE(Message::decode(bad_status.data(), bad_status.size()).error() == Error::BadMessage);
    std::vector<u8> bad_size = wire;
    bad_size[31] = 0x7F; // claims a huge payload
    REQUIRE(Message::decode(bad_size.data(), bad_size.size()).error() == Error::BadMessage);
}
