/* Unum's additions for user programs: the ABI header, unum_self(), and the POSIX
   names newlib (x86_64-elf) leaves out but the Unum kernel implements. */
#ifndef _UNUM_H
#define _UNUM_H

#include "unum_abi.h"

#ifdef __cplusplus
extern "C" {
#endif

/* This node's number and name ("node<N>"); 0 or -1 with errno. */
int unum_self(struct unum_self_info* info);

#ifdef __cplusplus
}
#endif

#endif
