// Screen consoles: Terminals over the machine's text surfaces (VGA text, the
// framebuffer), fed by the kernel log and by console output. Portable; the arch
// creates the surfaces and attaches them. Callable from any context: each
// terminal serialises itself, and attaching is serialised by a registry lock.
#pragma once

#include "kernel/console/terminal.h"
#include "kernel/console/text_surface.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"

constexpr usize MAX_SCREEN_CONSOLES = 2;

// Makes a Terminal (static storage, no heap) over surface and clears the screen.
// With show_log, the kernel log kept so far is replayed onto it and, on the first
// such attach, the screens are registered as a klog sink. NoSpace when
// MAX_SCREEN_CONSOLES are attached; InvalidArgument for a surface with no cells.
// The surface must live for the rest of the kernel's life.
Result<Terminal*> console_attach(TextSurface& surface, bool show_log = true);

// Writes text to every attached screen, turning "\n" into "\r\n" as the serial
// driver does, so log lines and monitor output start at the left margin.
void console_write(char const* text, usize length);
// Writes bytes unchanged (a TTY layer that does its own output processing).
void console_write_raw(char const* text, usize length);
// console_write with the sink signature shared by klog_add_sink and
// system_console_add_output; context is ignored.
void console_output(char const* text, usize length, void* context);

usize console_screen_count();
// Unregisters the klog sink and forgets every screen (tests; before a reboot).
void console_detach_all();

// Where console output should go, from the console= command-line option: a
// comma-separated list of serial|ttyS0|com1 and vga|fb|screen|tty0 (any case).
// "console=vga" alone means the screen only. InvalidArgument for an empty value
// or an unknown word.
struct ConsoleSelection {
    bool serial;
    bool screen;
};
Result<ConsoleSelection> console_parse_selection(StringView value);
