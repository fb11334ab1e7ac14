// Monitor command table, line editing and the read-execute loop.
#include "kernel/monitor/monitor.h"

#include <stdarg.h>

#include "kernel/lib/format.h"
#include "kernel/monitor/monitor_builtins.h"
#include "kernel/sync/spinlock.h"

namespace {

Spinlock g_commands_lock;
MonitorCommand g_commands[MONITOR_MAX_COMMANDS];
usize g_command_count = 0;
bool g_builtins_registered = false;

void register_builtins_once()
{
    if (g_builtins_registered)
        return;
    g_builtins_registered = true;
    monitor_register_builtins();
}

MonitorCommand const* find_command(StringView name)
{
    SpinlockGuard guard(g_commands_lock);
    for (usize i = 0; i < g_command_count; ++i) {
        if (name == StringView(g_commands[i].name))
            return &g_commands[i];
    }
    return nullptr;
}

void print_help(MonitorIo& io)
{
    io.print("Commands:\n");
    io.print("  %-10s %s\n", "help", "this list");
    for (usize i = 0; i < g_command_count; ++i)
        io.print("  %-10s %s\n", g_commands[i].name, g_commands[i].help);
}

} // namespace

void MonitorIo::print(char const* fmt, ...)
{
    char buffer[512];
    va_list args;
    va_start(args, fmt);
    usize n = vformat(buffer, sizeof(buffer), fmt, args);
    va_end(args);
    write(buffer, n < sizeof(buffer) ? n : sizeof(buffer) - 1);
}

bool monitor_register_command(MonitorCommand const& command)
{
    if (find_command(StringView(command.name)))
        return false;
    SpinlockGuard guard(g_commands_lock);
    if (g_command_count == MONITOR_MAX_COMMANDS)
        return false;
    g_commands[g_command_count++] = command;
    return true;
}

void monitor_execute(MonitorIo& io, StringView line)
{
    register_builtins_once();
    line = line.trim_whitespace();
    if (line.is_empty())
        return;
    StringView name = line;
    StringView arguments;
    if (auto space = line.find(' ')) {
        name = line.substring(0, *space);
        arguments = line.substring(*space + 1).trim_whitespace();
    }
    if (name == StringView("help")) {
        print_help(io);
        return;
    }
    MonitorCommand const* command = find_command(name);
    if (!command) {
        io.print("unknown command '%.*s' (try 'help')\n", int(name.length()), name.characters());
        return;
    }
    command->run(io, arguments);
}

isize monitor_read_line(MonitorIo& io, char* buffer, usize capacity)
{
    usize length = 0;
    for (;;) {
        int c = io.read_byte();
        if (c < 0)
            return -1;
        if (c == '\r' || c == '\n') {
            io.write("\n", 1);
            return isize(length);
        }
        if (c == 0x7f || c == 0x08) { // backspace / delete
            if (length > 0) {
                --length;
                io.write("\b \b", 3);
            }
            continue;
        }
        if (c == 0x15) { // ^U: erase the line
            while (length > 0) {
                --length;
                io.write("\b \b", 3);
            }
            continue;
        }
        if (c < 0x20 || c > 0x7e || length + 1 >= capacity)
            continue;
        buffer[length++] = char(c);
        char echo = char(c);
        io.write(&echo, 1);
    }
}

void monitor_run(MonitorIo& io)
{
    register_builtins_once();
    char line[160];
    for (;;) {
        io.write(MONITOR_PROMPT, StringView(MONITOR_PROMPT).length());
        isize length = monitor_read_line(io, line, sizeof(line));
        if (length < 0)
            return;
        monitor_execute(io, StringView(line, usize(length)));
    }
}
