/* errno values for lwIP's C code (err_to_errno): the kernel ABI's, which are
   newlib's numbers, so an lwIP error reaches a program with the right errno. */
#ifndef UNUM_LWIP_LIBC_ERRNO_H
#define UNUM_LWIP_LIBC_ERRNO_H
#include "kernel/abi/unum_errno.h"
#define ENOMEM UNUM_ENOMEM
#define ENOBUFS UNUM_ENOBUFS
#define EWOULDBLOCK UNUM_EAGAIN
#define EAGAIN UNUM_EAGAIN
#define EHOSTUNREACH UNUM_EHOSTUNREACH
#define EINPROGRESS UNUM_EINPROGRESS
#define EINVAL UNUM_EINVAL
#define EADDRINUSE UNUM_EADDRINUSE
#define EALREADY UNUM_EALREADY
#define EISCONN 127 /* newlib's value; the ABI header has no name for it yet */
#define ENOTCONN UNUM_ENOTCONN
#define ECONNABORTED UNUM_ECONNABORTED
#define ECONNRESET UNUM_ECONNRESET
#define EIO UNUM_EIO
#endif
