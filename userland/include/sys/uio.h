/* struct iovec (newlib has no <sys/uio.h>): the ABI's unum_iovec, for
   sendmsg/recvmsg. readv/writev are not provided yet. */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <stddef.h>
#include <sys/syslimits.h> /* IOV_MAX: 1024, the kernel's UNUM_IOV_MAX */

struct iovec {
    void* iov_base;
    size_t iov_len;
};

#endif
