// Host panic: print and abort, so a test that breaks an invariant fails loudly.
#include <cstdarg>
#include <cstdio>
#include <cstdlib>

#include "kernel/panic.h"

[[noreturn]] void panic(char const* format, ...)
{
    va_list args;
    va_start(args, format);
    fputs("PANIC: ", stderr);
    vfprintf(stderr, format, args);
    fputc('\n', stderr);
    va_end(args);
    abort();
}
