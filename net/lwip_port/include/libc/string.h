/* The string functions lwIP's C code calls, for its compile only (the kernel
   provides them: kernel/lib/freestanding/string.cpp and net/lwip_port/freestanding/
   lwip_libc.cpp). */
#ifndef UNUM_LWIP_LIBC_STRING_H
#define UNUM_LWIP_LIBC_STRING_H
#include <stddef.h>
void* memcpy(void* destination, const void* source, size_t count);
void* memmove(void* destination, const void* source, size_t count);
void* memset(void* destination, int value, size_t count);
int memcmp(const void* a, const void* b, size_t count);
size_t strlen(const char* string);
int strcmp(const char* a, const char* b);
int strncmp(const char* a, const char* b, size_t count);
#endif
