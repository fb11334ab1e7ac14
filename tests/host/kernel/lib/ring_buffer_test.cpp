// Tests of RingBuffer: FIFO order, refusal when full, overwrite-oldest, wrap.
#include <catch2/catch.hpp>

#include <deque>
#include <string>

#include "kernel/lib/ring_buffer.h"

TEST_CASE("try_push refuses when full; pop is FIFO", "[ring_buffer]")
{
    RingBuffer<int, 3> ring;
    CHECK(ring.is_empty());
    CHECK(ring.try_push(1));
    CHECK(ring.try_push(2));
    CHECK(ring.try_push(3));
    CHECK(ring.is_full());
    CHECK(!ring.try_push(4));
    int out = 0;
    CHECK(ring.pop(out));
    CHECK(out == 1);
    CHECK(ring.try_push(4));
    CHECK(ring.at(0) == 2);
    CHECK(ring.at(2) == 4);
    CHECK(ring.pop(out));
    CHECK(ring.pop(out));
    CHECK(ring.pop(out));
    CHECK(out == 4);
    CHECK(!ring.pop(out));
}

TEST_CASE("push_overwrite drops the oldest", "[ring_buffer]")
{
    RingBuffer<int, 4> ring;
    for (int i = 0; i < 10; ++i)
        ring.push_overwrite(i);
    CHECK(ring.size() == 4);
    for (usize i = 0; i < 4; ++i)
        CHECK(ring.at(i) == int(6 + i));
}

TEST_CASE("bulk write/read/peek across the wrap point", "[ring_buffer]")
{
    RingBuffer<char, 8> ring;
    CHECK(ring.write("abcdef", 6) == 6);
    char out[16] = {};
    CHECK(ring.read(out, 4) == 4);
    CHECK(std::string(out, 4) == "abcd");
    // Now head is at 4; this write wraps.
    CHECK(ring.write("ghijklmn", 8) == 6);
    CHECK(ring.is_full());
    CHECK(ring.peek(3, out, 16) == 5);
    CHECK(std::string(out, 5) == "hijkl"); // ring holds "efghijkl"
    CHECK(ring.peek(8, out, 1) == 0);
    ring.discard(2);
    CHECK(ring.read(out, 16) == 6);
    CHECK(std::string(out, 6) == "ghijkl");
    CHECK(ring.is_empty());
    ring.discard(5);
    CHECK(ring.size() == 0);
}

TEST_CASE("a long random sequence matches a simple model", "[ring_buffer]")
{
    RingBuffer<u32, 7> ring;
    std::deque<u32> model;
    u32 next = 0;
    u32 seed = 1;
    for (int step = 0; step < 5000; ++step) {
        seed = seed * 1103515245u + 12345u;
        switch ((seed >> 16) % 4) {
        case 0:
            if (ring.try_push(next))
                model.push_back(next);
            else
                CHECK(model.size() == 7);
            ++next;
            break;
        case 1:
            ring.push_overwrite(next);
            if (model.size() == 7)
                model.pop_front();
            model.push_back(next++);
            break;
        default: {
            u32 value = 0;
            bool got = ring.pop(value);
            REQUIRE(got == !model.empty());
            if (got) {
                CHECK(value == model.front());
                model.pop_front();
            }
        }
        }
        REQUIRE(ring.size() == model.size());
    }
}
