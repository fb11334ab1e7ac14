/* mmap() for Unum (x86_64-elf newlib has no <sys/mman.h>). */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>
#include "unum_types.h"

#define PROT_NONE UNUM_PROT_NONE
#define PROT_READ UNUM_PROT_READ
#define PROT_WRITE UNUM_PROT_WRITE
#define PROT_EXEC UNUM_PROT_EXEC
#define MAP_SHARED UNUM_MAP_SHARED
#define MAP_PRIVATE UNUM_MAP_PRIVATE
#define MAP_FIXED UNUM_MAP_FIXED
#define MAP_ANONYMOUS UNUM_MAP_ANONYMOUS
#define MAP_ANON MAP_ANONYMOUS
#define MAP_FAILED ((void*)-1)

#ifdef __cplusplus
extern "C" {
#endif
void* mmap(void* addr, size_t len, int prot, int flags, int fd, off_t offset);
int munmap(void* addr, size_t len);
#ifdef __cplusplus
}
#endif

#endif
