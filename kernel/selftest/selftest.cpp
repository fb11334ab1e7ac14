// SelfTestContext: how a self-test reports failures and notes (as TAP comments).
#include "kernel/selftest/selftest.h"

#include <stdarg.h>

#include "kernel/arch/cpu.h"
#include "kernel/debug/debug_print.h"
#include "kernel/lib/format.h"



void SelfTestContext::fail(char const* file, int line, char const* expression)
{
    ++m_failures;
    debug_print("# FAILED: %s at %s:%d\n", expression, file, line);
}

void SelfTestContext::note(char const* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    arch::debug_write("# ", 2);
    debug_vprint(fmt, args);
    arch::debug_write("\n", 1);
    va_end(args);
}

