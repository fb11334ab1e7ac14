// debug_print(): printf straight to the arch debug sink (serial), bypassing the
// log and its locks. For panics, exception reports and self-test TAP output.
#pragma once

#include <stdarg.h>

void debug_print(char const* fmt, ...) __attribute__((format(printf, 1, 2)));
void debug_vprint(char const* fmt, va_list args);
