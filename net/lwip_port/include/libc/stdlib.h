/* The one stdlib function lwIP's C code calls (netif_find: atoi), for its compile
   only; net/lwip_port/freestanding/lwip_libc.cpp implements it. */
#ifndef UNUM_LWIP_LIBC_STDLIB_H
#define UNUM_LWIP_LIBC_STDLIB_H
#include <stddef.h>
int atoi(const char* text);
#endif
