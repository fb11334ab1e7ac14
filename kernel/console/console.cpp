// The screen-console registry (see console.h). Terminals live in static storage
// so a screen works before the heap does, and nothing here ever frees memory.
#include "kernel/console/console.h"

#include <atomic>
#include <new>

#include "kernel/log/klog.h"

namespace {

alignas(Terminal) u8 g_terminal_storage[MAX_SCREEN_CONSOLES][sizeof(Terminal)];
Terminal* g_terminals[MAX_SCREEN_CONSOLES];
// Published with release after the slot is filled, so writers never see a
// half-built terminal.
std::atomic<usize> g_count { 0 };
Spinlock g_attach_lock;
bool g_log_sink_registered = false;

void write_translated(Terminal& terminal, char const* text, usize length)
{
    usize start = 0;
    for (usize i = 0; i < length; ++i) {
        if (text[i] != '\n')
            continue;
        terminal.write(text + start, i - start);
        terminal.write("\r\n", 2);
        start = i + 1;
    }
    terminal.write(text + start, length - start);
}

void log_sink(char const* text, usize length, void*) { console_write(text, length); }

} // namespace

Result<Terminal*> console_attach(TextSurface& surface, bool show_log)
{
    if (surface.columns() == 0 || surface.rows() == 0)
        return Error::InvalidArgument;
    Terminal* terminal;
    {
        SpinlockGuard guard(g_attach_lock);
        usize index = g_count.load(std::memory_order_relaxed);
        if (index == MAX_SCREEN_CONSOLES)
            return Error::NoSpace;
        terminal = new (g_terminal_storage[index]) Terminal(surface);
        terminal->reset();
        g_terminals[index] = terminal;
        g_count.store(index + 1, std::memory_order_release);
    }
    if (!show_log)
        return terminal;

    // Replay before registering, so no line shows twice; a line logged in the
    // gap is missed, which at boot (one CPU, no other threads) cannot happen.
    klog_dump([](char const* text, usize length, void* context) {
        write_translated(*static_cast<Terminal*>(context), text, length);
    }, terminal);
    if (!g_log_sink_registered) {
        TRY(klog_add_sink(log_sink, nullptr));
        g_log_sink_registered = true;
    }
    return terminal;
}

void console_write(char const* text, usize length)
{
    usize count = g_count.load(std::memory_order_acquire);
    for (usize i = 0; i < count; ++i)
        write_translated(*g_terminals[i], text, length);
}

void console_write_raw(char const* text, usize length)
{
    usize count = g_count.load(std::memory_order_acquire);
    for (usize i = 0; i < count; ++i)
        g_terminals[i]->write(text, length);
}

void console_output(char const* text, usize length, void*) { console_write(text, length); }

usize console_screen_count() { return g_count.load(std::memory_order_acquire); }

void console_detach_all()
{
    SpinlockGuard guard(g_attach_lock);
    if (g_log_sink_registered) {
        klog_remove_sink(log_sink, nullptr);
        g_log_sink_registered = false;
    }
    usize count = g_count.load(std::memory_order_relaxed);
    g_count.store(0, std::memory_order_release);
    for (usize i = 0; i < count; ++i) {
        g_terminals[i]->~Terminal();
        g_terminals[i] = nullptr;
    }
}

Result<ConsoleSelection> console_parse_selection(StringView value)
{
    ConsoleSelection selection { false, false };
    StringView rest = value;
    for (;;) {
        StringView word = rest;
        StringView after;
        bool more = rest.split_once(',', word, after);
        word = word.trim_whitespace();
        if (word.equals_ignoring_case("serial") || word.equals_ignoring_case("ttyS0")
            || word.equals_ignoring_case("com1"))
            selection.serial = true;
        else if (word.equals_ignoring_case("vga") || word.equals_ignoring_case("fb")
            || word.equals_ignoring_case("screen") || word.equals_ignoring_case("tty0"))
            selection.screen = true;
        else
            return Error::InvalidArgument;
        if (!more)
            break;
        rest = after;
    }
    return selection;
}
