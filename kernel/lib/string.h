// The C string and memory functions the kernel uses. In the kernel they come
// from kernel/lib/freestanding/string.cpp; on the host these same prototypes
// name the C library's functions (declared noexcept, as glibc does, so both
// headers can meet in one host translation unit); portable code includes only this.
#pragma once

#include <stddef.h>

extern "C" {
void* memcpy(void* destination, void const* source, size_t count) noexcept;
void* memmove(void* destination, void const* source, size_t count) noexcept;
void* memset(void* destination, int value, size_t count) noexcept;
int memcmp(void const* a, void const* b, size_t count) noexcept;
size_t strlen(char const* string) noexcept;
int strcmp(char const* a, char const* b) noexcept;
int strncmp(char const* a, char const* b, size_t count) noexcept;
}
