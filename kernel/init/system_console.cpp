// System console fan-out (see system_console.h).
#include "kernel/init/system_console.h"

namespace {

struct Output {
    ConsoleOutput write;
    ConsoleOutput write_raw;
    void* context;
};

InputQueue g_input;
ConsoleInputTarget g_target = nullptr;
void* g_target_context = nullptr;
Output g_outputs[4];
usize g_output_count = 0;

} // namespace

InputQueue& system_console_input() { return g_input; }

bool system_console_add_output(ConsoleOutput write, ConsoleOutput write_raw, void* context)
{
    if (g_output_count == 4)
        return false;
    g_outputs[g_output_count++] = { write, write_raw, context };
    return true;
}

void system_console_write_raw(char const* text, usize length)
{
    for (usize i = 0; i < g_output_count; ++i)
        g_outputs[i].write_raw(text, length, g_outputs[i].context);
}

void system_console_write(char const* text, usize length)
{
    for (usize i = 0; i < g_output_count; ++i)
        g_outputs[i].write(text, length, g_outputs[i].context);
}

bool g_monitor_active = false;
bool g_escape_pending = false;

void system_console_receive(u8 byte)
{
    ConsoleInputTarget target = __atomic_load_n(&g_target, __ATOMIC_ACQUIRE);
    if (!target || __atomic_load_n(&g_monitor_active, __ATOMIC_ACQUIRE)) {
        g_input.push(byte);
        return;
    }
    if (g_escape_pending) {
        g_escape_pending = false;
        if (byte == 'm') {
            __atomic_store_n(&g_monitor_active, true, __ATOMIC_RELEASE);
            g_input.push('\r'); // wake the monitor with a fresh prompt
            return;
        }
        target(MONITOR_ESCAPE, g_target_context);
        if (byte == MONITOR_ESCAPE)
            return;
    } else if (byte == MONITOR_ESCAPE) {
        g_escape_pending = true;
        return;
    }
    target(byte, g_target_context);
}

void system_console_leave_monitor() { __atomic_store_n(&g_monitor_active, false, __ATOMIC_RELEASE); }
bool system_console_in_monitor() { return __atomic_load_n(&g_monitor_active, __ATOMIC_ACQUIRE); }

void system_console_set_input_target(ConsoleInputTarget target, void* context)
{
    g_target_context = context;
    __atomic_store_n(&g_target, target, __ATOMIC_RELEASE);
}
