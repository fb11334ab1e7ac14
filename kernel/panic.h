// panic(): the kernel's response to a broken invariant. Prints the message, the
// registers where available and a symbolized backtrace, then halts (or exits QEMU
// in self-test mode). Host builds abort so tests can observe it.
#pragma once

[[noreturn]] void panic(char const* format, ...) __attribute__((format(printf, 1, 2)));

#define KASSERT(expr)                                                           \
    do {                                                                        \
        if (!(expr)) [[unlikely]]                                               \
            panic("assertion failed: %s at %s:%d", #expr, __FILE__, __LINE__);  \
    } while (0)
