/* uname() for Unum (x86_64-elf newlib has no <sys/utsname.h>); struct utsname is
   struct unum_utsname of kernel/abi/unum_types.h. */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#include "unum_types.h"

struct utsname {
    char sysname[UNUM_UTSNAME_LEN];
    char nodename[UNUM_UTSNAME_LEN];
    char release[UNUM_UTSNAME_LEN];
    char version[UNUM_UTSNAME_LEN];
    char machine[UNUM_UTSNAME_LEN];
};

#ifdef __cplusplus
extern "C" {
#endif
int uname(struct utsname* u);
#ifdef __cplusplus
}
#endif

#endif
