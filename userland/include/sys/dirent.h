/* Directory entries for Unum (newlib's <dirent.h> includes this; the x86_64-elf
   default is an #error). Records come from the getdents syscall as
   struct unum_dirent (kernel/abi/unum_types.h); userland/lib/dirent.c reads them. */
#ifndef _SYS_DIRENT_H
#define _SYS_DIRENT_H

#include <sys/types.h>
#include "unum_types.h"

#define MAXNAMLEN UNUM_NAME_MAX

#define DT_UNKNOWN UNUM_DT_UNKNOWN
#define DT_FIFO UNUM_DT_FIFO
#define DT_CHR UNUM_DT_CHR
#define DT_DIR UNUM_DT_DIR
#define DT_BLK UNUM_DT_BLK
#define DT_REG UNUM_DT_REG
#define DT_LNK UNUM_DT_LNK
#define DT_SOCK UNUM_DT_SOCK

struct dirent {
    unsigned long d_ino;
    unsigned char d_type;
    char d_name[UNUM_NAME_MAX + 1];
};

/* Opaque to programs: see userland/lib/dirent.c. */
typedef struct __unum_dir DIR;

#ifdef __cplusplus
extern "C" {
#endif
/* The raw syscall: whole struct unum_dirent records into buf. */
int getdents(int fd, void* buf, unsigned long len);
#ifdef __cplusplus
}
#endif

#endif
