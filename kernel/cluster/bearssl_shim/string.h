/* The <string.h> BearSSL's sources see in the freestanding kernel build: only
 * declarations of the functions kernel/lib/freestanding/string.cpp defines.
 * Plain C (BearSSL is C); used by kernel/cluster/bearssl.mk for the kernel only. */
#ifndef UNUM_BEARSSL_SHIM_STRING_H
#define UNUM_BEARSSL_SHIM_STRING_H

#include <stddef.h>

void* memcpy(void* destination, void const* source, size_t count);
void* memmove(void* destination, void const* source, size_t count);
void* memset(void* destination, int value, size_t count);
int memcmp(void const* a, void const* b, size_t count);
size_t strlen(char const* string);

#endif
