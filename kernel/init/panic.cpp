// panic(): print the reason and a backtrace on the debug sink, then stop. With
// `panic=exit` on the command line QEMU exits (status 5) so tests never hang.
#include "kernel/panic.h"

#include <stdarg.h>

#include "kernel/arch/cpu.h"
#include "kernel/init/panic_policy.h"
#include "kernel/debug/debug_print.h"

namespace {

bool g_exit_on_panic = false;
int g_panic_depth = 0;

} // namespace

void panic_set_exit_on_panic(bool exit) { g_exit_on_panic = exit; }

[[noreturn]] void panic(char const* fmt, ...)
{
    arch::interrupts_disable();
    if (++g_panic_depth > 1) {
        static char const nested[] = "\nKERNEL PANIC (nested)\n";
        arch::debug_write(nested, sizeof(nested) - 1);
        arch::halt_forever();
    }
    static char const header[] = "\nKERNEL PANIC: ";
    arch::debug_write(header, sizeof(header) - 1);
    va_list args;
    va_start(args, fmt);
    debug_vprint(fmt, args);
    va_end(args);
    arch::debug_write("\n", 1);
    arch::print_backtrace();
    if (g_exit_on_panic)
        arch::exit_emulator(2);
    static char const halted[] = "System halted.\n";
    arch::debug_write(halted, sizeof(halted) - 1);
    arch::halt_forever();
}
