// Host fake of the arch CPU seam: interrupt state is a per-thread flag, debug
// output goes to stderr, halting aborts the test.
#include <cstdio>
#include <cstdlib>
#include <sched.h>
#include <unistd.h>

#include "kernel/arch/cpu.h"

namespace arch {

static thread_local bool t_interrupts_enabled = true;

InterruptState interrupts_save_disable()
{
    InterruptState old = t_interrupts_enabled ? 1 : 0;
    t_interrupts_enabled = false;
    return old;
}
void interrupts_restore(InterruptState state) { t_interrupts_enabled = state != 0; }
void interrupts_enable() { t_interrupts_enabled = true; }
void interrupts_disable() { t_interrupts_enabled = false; }
bool interrupts_enabled() { return t_interrupts_enabled; }
void cpu_relax() { sched_yield(); }
void wait_for_interrupt() { sched_yield(); }
[[noreturn]] void halt_forever() { abort(); }
u32 current_cpu() { return 0; }
void debug_write(char const* text, usize length) { fwrite(text, 1, length, stderr); }
void print_backtrace() { fputs("(backtrace not available on host)\n", stderr); }
[[noreturn]] void reboot() { abort(); }
[[noreturn]] void power_off() { abort(); }
[[noreturn]] void exit_emulator(int status) { _exit(status); }

} // namespace arch
