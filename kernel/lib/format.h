// printf-style formatting into a caller's buffer, with no allocation: usable
// from interrupt handlers, panics and before the heap exists.
#pragma once

#include <stdarg.h>

#include "kernel/lib/types.h"

// Supports %d %i %u %x %X %o %p %s %c %%, the length modifiers hh h l ll z t j,
// the flags - 0 + space #, width and precision (both also as *). No floating
// point. Always NUL-terminates when size > 0 and returns the length the full
// output would have had (like snprintf), so `result >= size` means truncated.
usize format(char* buffer, usize size, char const* fmt, ...) __attribute__((format(printf, 3, 4)));
usize vformat(char* buffer, usize size, char const* fmt, va_list args);

// Streams the output one chunk at a time to write(text, len, ctx), for callers
// with no buffer to spare (panic). Returns the total length written.
usize vformat_to(void (*write)(char const* text, usize len, void* ctx), void* ctx, char const* fmt,
    va_list args);
