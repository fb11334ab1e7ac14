// The kernel debug monitor: a line-oriented command interpreter on a console
// (serial, reachable later from the shell with a key sequence). Commands are
// registered by the subsystems that know the answers (arch registers `cpu`).
// Portable; I/O goes through MonitorIo so host tests can drive it.
#pragma once

#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

class MonitorIo {
public:
    virtual ~MonitorIo() = default;
    // Blocks for the next input byte; -1 when the input is closed.
    virtual int read_byte() = 0;
    virtual void write(char const* text, usize length) = 0;
    void print(char const* fmt, ...) __attribute__((format(printf, 2, 3)));
};

struct MonitorCommand {
    char const* name;
    char const* help;
    void (*run)(MonitorIo& io, StringView arguments);
};

inline constexpr usize MONITOR_MAX_COMMANDS = 32;
inline constexpr char const* MONITOR_PROMPT = "monitor> ";

// Adds a command (the built-ins are always present). False when the table is full
// or the name is taken.
bool monitor_register_command(MonitorCommand const& command);
// Runs one command line; unknown commands print an error naming `help`.
void monitor_execute(MonitorIo& io, StringView line);
// Reads a line with echo and backspace/^U editing into buffer; returns its
// length, or -1 when the input closed.
isize monitor_read_line(MonitorIo& io, char* buffer, usize capacity);
// Prompt, read, execute, forever (until the input closes).
void monitor_run(MonitorIo& io);
