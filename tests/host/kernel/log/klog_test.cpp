// Tests of the kernel log: record format, ring overwrite with cursor catch-up,
// console-level filtering of sinks, dump, and reading with small buffers.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kernel/log/klog.h"

namespace {

struct Capture {
    std::vector<std::string> lines;
};

void capture_sink(char const* text, usize len, void* ctx)
{
    static_cast<Capture*>(ctx)->lines.emplace_back(text, len);
}

// Fresh log state per test; removes the sink again when the test ends.
struct LogFixture {
    Capture capture;
    LogFixture()
    {
        klog_clear();
        klog_set_level(LogLevel::Info);
        REQUIRE(!klog_add_sink(capture_sink, &capture).is_error());
    }
    ~LogFixture()
    {
        klog_remove_sink(capture_sink, &capture);
        klog_set_level(LogLevel::Info);
    }
};

std::string read_all(u64& cursor)
{
    std::string out;
    char buffer[1024];
    for (;;) {
        usize n = klog_read(cursor, buffer, sizeof(buffer));
        if (n == 0)
            return out;
        out.append(buffer, n);
    }
}

std::vector<std::string> split_lines(std::string const& text)
{
    std::vector<std::string> lines;
    usize start = 0;
    while (start < text.size()) {
        usize end = text.find('\n', start);
        lines.push_back(text.substr(start, end - start + 1));
        start = end + 1;
    }
    return lines;
}

// "[SSSSS.uuuuuu] level: text\n": seconds right-aligned in at least 5 columns.
bool is_log_line(std::string const& line)
{
    usize close = line.find("] ");
    if (line.size() < 16 || line[0] != '[' || close == std::string::npos || close < 13)
        return false;
    std::string stamp = line.substr(1, close - 1);
    usize dot = stamp.find('.');
    if (dot == std::string::npos || stamp.size() - dot - 1 != 6 || dot < 5)
        return false;
    for (usize i = 0; i < stamp.size(); ++i) {
        char c = stamp[i];
        bool ok = i == dot || (c >= '0' && c <= '9') || (c == ' ' && i + 1 < dot);
        if (!ok)
            return false;
    }
    std::string rest = line.substr(close + 2);
    bool level_ok = rest.rfind("error: ", 0) == 0 || rest.rfind("warn: ", 0) == 0 || rest.rfind("info: ", 0) == 0
        || rest.rfind("debug: ", 0) == 0;
    return level_ok && line.back() == '\n' && line.find('\n') == line.size() - 1;
}

} // namespace

TEST_CASE("records are echoed in the documented line format", "[klog]")
{
    LogFixture f;
    log_info("hello %d", 42);
    log_error("bad thing: %s", "disk");
    REQUIRE(f.capture.lines.size() == 2);
    CHECK(is_log_line(f.capture.lines[0]));
    CHECK(is_log_line(f.capture.lines[1]));
    CHECK(!is_log_line("[1.000000] info: short stamp\n"));
    CHECK(f.capture.lines[0].find("] info: hello 42\n") != std::string::npos);
    CHECK(f.capture.lines[1].find("] error: bad thing: disk\n") != std::string::npos);
}

TEST_CASE("a trailing newline in the message is not doubled", "[klog]")
{
    LogFixture f;
    log_info("line\n");
    REQUIRE(f.capture.lines.size() == 1);
    CHECK(f.capture.lines[0].find("line\n") == f.capture.lines[0].size() - 5);
}

TEST_CASE("messages above the console level are kept but not echoed", "[klog]")
{
    LogFixture f;
    klog_set_level(LogLevel::Warn);
    u64 cursor = klog_next_sequence();
    log_debug("quiet debug");
    log_info("quiet info");
    log_warn("loud warn");
    log_error("loud error");
    REQUIRE(f.capture.lines.size() == 2);
    CHECK(f.capture.lines[0].find("warn: loud warn") != std::string::npos);
    CHECK(f.capture.lines[1].find("error: loud error") != std::string::npos);
    auto lines = split_lines(read_all(cursor));
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].find("debug: quiet debug") != std::string::npos);
    CHECK(lines[1].find("info: quiet info") != std::string::npos);

    klog_set_level(LogLevel::Debug);
    log_debug("now shown");
    CHECK(f.capture.lines.size() == 3);
}

TEST_CASE("klog_read continues from its cursor", "[klog]")
{
    LogFixture f;
    u64 cursor = 0;
    log_info("first");
    std::string a = read_all(cursor);
    CHECK(a.find("first") != std::string::npos);
    CHECK(read_all(cursor).empty());
    log_info("second");
    std::string b = read_all(cursor);
    CHECK(b.find("second") != std::string::npos);
    CHECK(b.find("first") == std::string::npos);
}

TEST_CASE("the ring overwrites the oldest and an old cursor catches up", "[klog]")
{
    LogFixture f;
    klog_set_level(LogLevel::Error); // keep the sink quiet
    u64 start = klog_next_sequence();
    constexpr int count = 3000;
    std::string filler(100, 'x');
    for (int i = 0; i < count; ++i)
        log_info("msg %05d %s", i, filler.c_str());
    CHECK(klog_next_sequence() == start + count);

    u64 cursor = start;
    auto lines = split_lines(read_all(cursor));
    CHECK(cursor == start + count);
    // Far fewer than all fit in 64 KiB, but a good share does.
    REQUIRE(lines.size() < usize(count));
    REQUIRE(lines.size() > 300);
    // What survives is the newest, contiguous, in order, ending with the last.
    int first = std::stoi(lines.front().substr(lines.front().find("msg ") + 4, 5));
    CHECK(first == count - int(lines.size()));
    for (usize i = 0; i < lines.size(); ++i) {
        CHECK(is_log_line(lines[i]));
        CHECK(std::stoi(lines[i].substr(lines[i].find("msg ") + 4, 5)) == first + int(i));
    }
}

TEST_CASE("reads return only whole records, cutting one only if it alone is too big", "[klog]")
{
    LogFixture f;
    u64 cursor = klog_next_sequence();
    log_info("aaaaaaaaaa");
    log_info("bbbbbbbbbb");
    char buffer[256];
    // Room for one line (about 35 bytes) but not two.
    usize n = klog_read(cursor, buffer, 50);
    std::string one(buffer, n);
    CHECK(one.find("aaaaaaaaaa\n") != std::string::npos);
    CHECK(one.find("bbbb") == std::string::npos);
    // Too small for any whole record: the next record is cut and skipped.
    n = klog_read(cursor, buffer, 10);
    CHECK(n == 10);
    CHECK(buffer[0] == '[');
    CHECK(klog_read(cursor, buffer, sizeof(buffer)) == 0);
}

TEST_CASE("a zero-size read neither writes nor skips", "[klog]")
{
    LogFixture f;
    u64 cursor = klog_next_sequence();
    log_info("kept for later");
    u64 before = cursor;
    CHECK(klog_read(cursor, nullptr, 0) == 0);
    CHECK(cursor == before);
    u64 again = before;
    CHECK(read_all(again).find("kept for later") != std::string::npos);
}

TEST_CASE("over-long messages are cut to KLOG_MAX_TEXT", "[klog]")
{
    LogFixture f;
    std::string huge(2000, 'z');
    log_info("%s", huge.c_str());
    REQUIRE(f.capture.lines.size() == 1);
    std::string const& line = f.capture.lines[0];
    usize text_start = line.find("info: ") + 6;
    CHECK(line.size() - text_start - 1 == KLOG_MAX_TEXT);
}

TEST_CASE("klog_dump writes every kept record", "[klog]")
{
    LogFixture f;
    klog_set_level(LogLevel::Error);
    log_info("one");
    log_debug("two");
    Capture dump;
    klog_dump(capture_sink, &dump);
    REQUIRE(dump.lines.size() == 2);
    CHECK(dump.lines[0].find("info: one") != std::string::npos);
    CHECK(dump.lines[1].find("debug: two") != std::string::npos);
}

TEST_CASE("klog_clear forgets records but keeps counting", "[klog]")
{
    LogFixture f;
    log_info("before");
    u64 next = klog_next_sequence();
    klog_clear();
    u64 cursor = 0;
    CHECK(read_all(cursor).empty());
    CHECK(cursor == next);
    log_info("after");
    CHECK(read_all(cursor).find("after") != std::string::npos);
}

TEST_CASE("sinks: every sink gets each line; the table is bounded", "[klog]")
{
    LogFixture f;
    Capture extra[KLOG_MAX_SINKS];
    usize added = 0;
    for (Capture& c : extra) {
        if (!klog_add_sink(capture_sink, &c).is_error())
            ++added;
    }
    CHECK(added == KLOG_MAX_SINKS - 1);
    log_warn("fan out");
    CHECK(f.capture.lines.size() == 1);
    for (usize i = 0; i < added; ++i)
        CHECK(extra[i].lines.size() == 1);
    for (Capture& c : extra)
        klog_remove_sink(capture_sink, &c);
    log_warn("only one");
    CHECK(f.capture.lines.size() == 2);
    CHECK(extra[0].lines.size() == 1);
}

namespace {
int g_reentries = 0;
void reentrant_sink(char const*, usize, void*)
{
    if (g_reentries++ == 0)
        log_error("logged from inside a sink");
}
} // namespace

TEST_CASE("a sink that logs does not deadlock", "[klog]")
{
    LogFixture f;
    g_reentries = 0;
    REQUIRE(!klog_add_sink(reentrant_sink, nullptr).is_error());
    log_info("outer");
    klog_remove_sink(reentrant_sink, nullptr);
    CHECK(g_reentries == 1);
    CHECK(f.capture.lines.size() == 1);
}

TEST_CASE("klog_set_level_from_string", "[klog]")
{
    LogFixture f;
    CHECK(!klog_set_level_from_string("debug"_sv).is_error());
    CHECK(klog_level() == LogLevel::Debug);
    CHECK(!klog_set_level_from_string("  WARN "_sv).is_error());
    CHECK(klog_level() == LogLevel::Warn);
    CHECK(!klog_set_level_from_string("0"_sv).is_error());
    CHECK(klog_level() == LogLevel::Error);
    CHECK(!klog_set_level_from_string("2"_sv).is_error());
    CHECK(klog_level() == LogLevel::Info);
    CHECK(!klog_set_level_from_string("warning"_sv).is_error());
    CHECK(klog_level() == LogLevel::Warn);
    CHECK(klog_set_level_from_string("4"_sv).error() == Error::InvalidArgument);
    CHECK(klog_set_level_from_string("verbose"_sv).error() == Error::InvalidArgument);
    CHECK(klog_set_level_from_string(""_sv).error() == Error::InvalidArgument);
    CHECK(klog_level() == LogLevel::Warn);
}
