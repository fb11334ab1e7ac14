// The monitor's command table, line editing and dispatch, driven by a scripted console.
#include <catch2/catch.hpp>
#include <string>

#include "kernel/monitor/monitor.h"

namespace {

class ScriptedIo final : public MonitorIo {
public:
    explicit ScriptedIo(std::string input)
        : m_input(std::move(input))
    {
    }
    int read_byte() override { return m_position < m_input.size() ? u8(m_input[m_position++]) : -1; }
    void write(char const* text, usize length) override { output.append(text, length); }
    std::string output;

private:
    std::string m_input;
    usize m_position { 0 };
};

int g_echo_calls = 0;
std::string g_echo_arguments;

void command_echo_args(MonitorIo& io, StringView arguments)
{
    ++g_echo_calls;
    g_echo_arguments.assign(arguments.characters(), arguments.length());
    io.print("args=[%.*s]\n", int(arguments.length()), arguments.characters());
}

} // namespace

TEST_CASE("monitor: help lists built-in and registered commands")
{
    REQUIRE(monitor_register_command({ "echoargs", "test command", command_echo_args }));
    CHECK_FALSE(monitor_register_command({ "echoargs", "duplicate", command_echo_args }));
    ScriptedIo io("");
    monitor_execute(io, "help");
    for (char const* name : { "help", "mem", "threads", "log", "uptime", "reboot", "cpu", "echoargs" })
        CHECK(io.output.find(name) != std::string::npos);
}

TEST_CASE("monitor: a command gets its trimmed arguments")
{
    ScriptedIo io("");
    g_echo_calls = 0;
    monitor_execute(io, "  echoargs   one two  ");
    CHECK(g_echo_calls == 1);
    CHECK(g_echo_arguments == "one two");
}

TEST_CASE("monitor: unknown commands point at help")
{
    ScriptedIo io("");
    monitor_execute(io, "frobnicate now");
    CHECK(io.output.find("unknown command 'frobnicate'") != std::string::npos);
    CHECK(io.output.find("help") != std::string::npos);
}

TEST_CASE("monitor: line editing handles backspace and ^U")
{
    ScriptedIo io("abx\x7f" "c\r");
    char line[32];
    isize n = monitor_read_line(io, line, sizeof(line));
    REQUIRE(n == 3);
    CHECK(std::string(line, usize(n)) == "abc");

    ScriptedIo erased("garbage\x15ok\n");
    n = monitor_read_line(erased, line, sizeof(line));
    REQUIRE(n == 2);
    CHECK(std::string(line, usize(n)) == "ok");
}

TEST_CASE("monitor: a long line is bounded by the buffer")
{
    ScriptedIo io(std::string(100, 'x') + "\r");
    char line[16];
    isize n = monitor_read_line(io, line, sizeof(line));
    CHECK(n == 15);
}

TEST_CASE("monitor: the run loop prompts, executes and stops when input closes")
{
    ScriptedIo io("echoargs hi\r");
    g_echo_calls = 0;
    monitor_run(io);
    CHECK(g_echo_calls == 1);
    CHECK(io.output.find(MONITOR_PROMPT) == 0);
    CHECK(io.output.find("args=[hi]") != std::string::npos);
}

TEST_CASE("monitor: mem reports frame and heap statistics")
{
    ScriptedIo io("");
    monitor_execute(io, "mem");
    CHECK(io.output.find("frames:") != std::string::npos);
    CHECK(io.output.find("heap:") != std::string::npos);
}
