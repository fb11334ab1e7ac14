/* errno values of the Unum ABI: newlib's <sys/errno.h> numbering (user programs
   link newlib). The kernel returns -UNUM_E* from a failed syscall; its
   kernel/lib/error.h enum must agree (userland/lib/abi_check.c checks these
   against newlib at every userland build). */
#ifndef UNUM_ERRNO_H
#define UNUM_ERRNO_H

#define UNUM_EPERM 1
#define UNUM_ENOENT 2
#define UNUM_ESRCH 3
#define UNUM_EINTR 4
#define UNUM_EIO 5
#define UNUM_ENXIO 6
#define UNUM_E2BIG 7
#define UNUM_ENOEXEC 8
#define UNUM_EBADF 9
#define UNUM_ECHILD 10
#define UNUM_EAGAIN 11
#define UNUM_ENOMEM 12
#define UNUM_EACCES 13
#define UNUM_EFAULT 14
#define UNUM_EBUSY 16
#define UNUM_EEXIST 17
#define UNUM_EXDEV 18
#define UNUM_ENODEV 19
#define UNUM_ENOTDIR 20
#define UNUM_EISDIR 21
#define UNUM_EINVAL 22
#define UNUM_ENFILE 23
#define UNUM_EMFILE 24
#define UNUM_ENOTTY 25
#define UNUM_ETXTBSY 26
#define UNUM_EFBIG 27
#define UNUM_ENOSPC 28
#define UNUM_ESPIPE 29
#define UNUM_EROFS 30
#define UNUM_EMLINK 31
#define UNUM_EPIPE 32
#define UNUM_EDOM 33
#define UNUM_ERANGE 34
#define UNUM_EDEADLK 45
#define UNUM_ENOLCK 46
#define UNUM_EPROTO 71
#define UNUM_EBADMSG 77
#define UNUM_ENOSYS 88
#define UNUM_ENOTEMPTY 90
#define UNUM_ENAMETOOLONG 91
#define UNUM_ELOOP 92
#define UNUM_EOPNOTSUPP 95
#define UNUM_ECONNRESET 104
#define UNUM_ENOBUFS 105
#define UNUM_ECONNREFUSED 111
#define UNUM_EADDRINUSE 112
#define UNUM_ECONNABORTED 113
#define UNUM_ENETUNREACH 114
#define UNUM_ENETDOWN 115
#define UNUM_ETIMEDOUT 116
#define UNUM_EHOSTDOWN 117
#define UNUM_EHOSTUNREACH 118
#define UNUM_EINPROGRESS 119
#define UNUM_EALREADY 120
#define UNUM_EMSGSIZE 122
#define UNUM_ENOTCONN 128
#define UNUM_ENOTSUP 134
#define UNUM_EILSEQ 138
#define UNUM_EOVERFLOW 139
#define UNUM_ECANCELED 140

/* Largest errno a syscall returns: results in [-UNUM_ERRNO_MAX, -1] are errors. */
#define UNUM_ERRNO_MAX 4095

#endif
