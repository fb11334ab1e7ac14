// Unbuffered, lock-free printing to the arch debug sink (see debug_print.h).
#include "kernel/debug/debug_print.h"

#include "kernel/arch/cpu.h"
#include "kernel/lib/format.h"

namespace {
void write_to_debug(char const* text, usize len, void*) { arch::debug_write(text, len); }
}

void debug_vprint(char const* fmt, va_list args) { vformat_to(write_to_debug, nullptr, fmt, args); }

void debug_print(char const* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    debug_vprint(fmt, args);
    va_end(args);
}
