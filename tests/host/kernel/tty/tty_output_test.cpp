// TtyOutput on the host: each output flag's effect, the tracked column, and
// batching (nothing reaches the device before flush(), long runs are split).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kernel/tty/tty_output.h"

namespace {

struct Sink {
    std::vector<std::string> batches;
    static void write(u8 const* bytes, usize length, void* context)
    {
        static_cast<Sink*>(context)->batches.emplace_back(reinterpret_cast<char const*>(bytes), length);
    }
    std::string all() const
    {
        std::string out;
        for (auto const& batch : batches)
            out += batch;
        return out;
    }
};

std::string process(std::string const& text, unum_tcflag_t oflag)
{
    Sink sink;
    TtyOutput output(Sink::write, &sink);
    for (char c : text)
        output.put(u8(c), oflag);
    output.flush();
    return sink.all();
}

} // namespace

TEST_CASE("output flags", "[tty]")
{
    REQUIRE(process("a\nb\r", UNUM_OPOST | UNUM_ONLCR) == "a\r\nb\r");
    REQUIRE(process("a\nb\r", UNUM_ONLCR) == "a\nb\r"); // without OPOST nothing changes
    REQUIRE(process("a\rb", UNUM_OPOST | UNUM_OCRNL) == "a\nb");
    REQUIRE(process("\rab\r", UNUM_OPOST | UNUM_ONOCR) == "ab\r"); // no CR at column 0
}

TEST_CASE("the column follows text, tabs, backspace and newlines", "[tty]")
{
    Sink sink;
    TtyOutput output(Sink::write, &sink);
    auto put = [&](std::string const& text) {
        for (char c : text)
            output.put(u8(c), UNUM_OPOST | UNUM_ONLCR);
    };
    put("abc");
    REQUIRE(output.column() == 3);
    put("\t");
    REQUIRE(output.column() == 8);
    put("\b\b");
    REQUIRE(output.column() == 6);
    put("\xc3\xa9"); // one UTF-8 character, one column
    REQUIRE(output.column() == 7);
    put("\x1b");
    REQUIRE(output.column() == 7);
    put("\n");
    REQUIRE(output.column() == 0);
    put("\b");
    REQUIRE(output.column() == 0);
}

TEST_CASE("output is batched until flush and split when a batch fills", "[tty]")
{
    Sink sink;
    TtyOutput output(Sink::write, &sink);
    output.put('x', 0);
    REQUIRE(sink.batches.empty());
    output.flush();
    REQUIRE(sink.batches == std::vector<std::string> { "x" });
    output.flush();
    REQUIRE(sink.batches.size() == 1); // an empty flush writes nothing
    for (int i = 0; i < 300; ++i)
        output.put('y', 0);
    output.flush();
    REQUIRE(sink.batches.size() == 4); // 128 + 128 + 44
    REQUIRE(sink.all() == "x" + std::string(300, 'y'));
}
