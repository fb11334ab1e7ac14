// Kernel-only: the C memory and string functions (GCC emits calls to memcpy,
// memset, memmove and memcmp even in freestanding code). The host uses libc's.
#include "kernel/lib/string.h"
#include "kernel/lib/types.h"

// Without this GCC recognizes the loops below as memcpy/memset and compiles
// them into calls to themselves.
#define NO_LIBCALL_PATTERNS __attribute__((optimize("no-tree-loop-distribute-patterns")))

extern "C" {

NO_LIBCALL_PATTERNS void* memcpy(void* destination, void const* source, size_t count) noexcept
{
    auto* d = static_cast<u8*>(destination);
    auto const* s = static_cast<u8 const*>(source);
    if (((uptr(d) | uptr(s)) & 7) == 0) {
        for (; count >= 8; count -= 8, d += 8, s += 8)
            *reinterpret_cast<u64*>(d) = *reinterpret_cast<u64 const*>(s);
    }
    while (count--)
        *d++ = *s++;
    return destination;
}

NO_LIBCALL_PATTERNS void* memmove(void* destination, void const* source, size_t count) noexcept
{
    auto* d = static_cast<u8*>(destination);
    auto const* s = static_cast<u8 const*>(source);
    if (d == s || count == 0)
        return destination;
    if (d < s || d >= s + count)
        return memcpy(destination, source, count);
    // Overlap with the destination above the source: copy backwards.
    while (count--)
        d[count] = s[count];
    return destination;
}

NO_LIBCALL_PATTERNS void* memset(void* destination, int value, size_t count) noexcept
{
    auto* d = static_cast<u8*>(destination);
    u8 byte = static_cast<u8>(value);
    if ((uptr(d) & 7) == 0) {
        u64 word = 0x0101010101010101ull * byte;
        for (; count >= 8; count -= 8, d += 8)
            *reinterpret_cast<u64*>(d) = word;
    }
    while (count--)
        *d++ = byte;
    return destination;
}

int memcmp(void const* a, void const* b, size_t count) noexcept
{
    auto const* x = static_cast<u8 const*>(a);
    auto const* y = static_cast<u8 const*>(b);
    for (size_t i = 0; i < count; ++i) {
        if (x[i] != y[i])
            return x[i] < y[i] ? -1 : 1;
    }
    return 0;
}

size_t strlen(char const* string) noexcept
{
    size_t n = 0;
    while (string[n])
        ++n;
    return n;
}

int strcmp(char const* a, char const* b) noexcept
{
    for (;; ++a, ++b) {
        auto x = static_cast<unsigned char>(*a);
        auto y = static_cast<unsigned char>(*b);
        if (x != y)
            return x < y ? -1 : 1;
        if (x == 0)
            return 0;
    }
}

int strncmp(char const* a, char const* b, size_t count) noexcept
{
    for (size_t i = 0; i < count; ++i) {
        auto x = static_cast<unsigned char>(a[i]);
        auto y = static_cast<unsigned char>(b[i]);
        if (x != y)
            return x < y ? -1 : 1;
        if (x == 0)
            return 0;
    }
    return 0;
}

} // extern "C"
