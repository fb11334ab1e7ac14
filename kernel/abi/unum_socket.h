/* Sockets and readiness (poll/select) in the Unum ABI. Newlib has no socket
   headers, so these values are Unum's own; they follow 4.4BSD (and lwIP), and
   userland/include/ exposes them under the usual POSIX names. Plain C, no
   includes. An address is IPv4 only for now; ports and addresses are in network
   byte order, as in BSD. */
#ifndef UNUM_SOCKET_H
#define UNUM_SOCKET_H

#include "unum_types.h"

/* ---- socket(domain, type, protocol) */
#define UNUM_AF_UNSPEC 0
#define UNUM_AF_INET 2
#define UNUM_SOCK_STREAM 1
#define UNUM_SOCK_DGRAM 2
#define UNUM_SOCK_RAW 3
#define UNUM_SOCK_TYPE_MASK 0xf
#define UNUM_SOCK_NONBLOCK UNUM_O_NONBLOCK /* or'ed into type */
#define UNUM_SOCK_CLOEXEC UNUM_O_CLOEXEC   /* or'ed into type */
#define UNUM_IPPROTO_IP 0
#define UNUM_IPPROTO_ICMP 1
#define UNUM_IPPROTO_TCP 6
#define UNUM_IPPROTO_UDP 17

/* ---- addresses */
typedef unsigned int unum_socklen_t;
struct unum_sockaddr {
    unsigned short sa_family;
    char sa_data[14];
};
struct unum_sockaddr_in {
    unsigned short sin_family; /* UNUM_AF_INET */
    unsigned short sin_port;   /* network byte order */
    unsigned int sin_addr;     /* network byte order */
    unsigned char sin_zero[8];
};
UNUM_ABI_ASSERT(sizeof(struct unum_sockaddr_in) == 16, "sockaddr_in is 16 bytes");
UNUM_ABI_ASSERT(sizeof(struct unum_sockaddr) == 16, "sockaddr is 16 bytes");
#define UNUM_INADDR_ANY 0x00000000u
#define UNUM_INADDR_BROADCAST 0xffffffffu

/* ---- send/recv flags */
#define UNUM_MSG_PEEK 0x01
#define UNUM_MSG_WAITALL 0x02
#define UNUM_MSG_DONTWAIT 0x08
/* recvmsg's msg_flags on return (output only) */
#define UNUM_MSG_TRUNC 0x100  /* the datagram was longer than the buffers; the rest is dropped */
#define UNUM_MSG_CTRUNC 0x200 /* ancillary data was cut (never: Unum has none) */

/* ---- sendmsg/recvmsg (the 4.4BSD layout: an int iovlen, a socklen_t controllen) */
struct unum_iovec {
    void* iov_base;
    unsigned long iov_len;
};
struct unum_msghdr {
    void* msg_name;                 /* a sockaddr_in, or NULL */
    unum_socklen_t msg_namelen;
    struct unum_iovec* msg_iov;
    int msg_iovlen;                 /* 0..UNUM_IOV_MAX, else EMSGSIZE */
    void* msg_control;              /* no ancillary data: sendmsg needs msg_controllen 0 */
    unum_socklen_t msg_controllen;  /* recvmsg sets it to 0 */
    int msg_flags;                  /* recvmsg: UNUM_MSG_TRUNC */
};
UNUM_ABI_ASSERT(sizeof(struct unum_iovec) == 16, "iovec is 16 bytes");
UNUM_ABI_ASSERT(sizeof(struct unum_msghdr) == 48, "msghdr is 48 bytes");
#define UNUM_IOV_MAX 1024

/* ---- shutdown(how) */
#define UNUM_SHUT_RD 0
#define UNUM_SHUT_WR 1
#define UNUM_SHUT_RDWR 2

/* ---- getsockopt/setsockopt */
#define UNUM_SOL_SOCKET 0xfff
#define UNUM_SO_REUSEADDR 0x0004
#define UNUM_SO_KEEPALIVE 0x0008
#define UNUM_SO_BROADCAST 0x0020
#define UNUM_SO_LINGER 0x0080   /* struct unum_linger */
#define UNUM_SO_SNDBUF 0x1001
#define UNUM_SO_RCVBUF 0x1002
#define UNUM_SO_SNDTIMEO 0x1005 /* struct unum_timeval */
#define UNUM_SO_RCVTIMEO 0x1006 /* struct unum_timeval */
#define UNUM_SO_ERROR 0x1007    /* int: the pending error, cleared by reading */
#define UNUM_SO_TYPE 0x1008     /* int */
#define UNUM_TCP_NODELAY 0x01   /* level UNUM_IPPROTO_TCP */
struct unum_linger {
    int l_onoff;  /* close() lingers (or, with l_linger 0, resets the connection) */
    int l_linger; /* seconds */
};

/* ---- poll */
struct unum_pollfd {
    int fd;
    short events;
    short revents;
};
#define UNUM_POLLIN 0x0001
#define UNUM_POLLPRI 0x0002
#define UNUM_POLLOUT 0x0004
#define UNUM_POLLERR 0x0008  /* always reported, never requested */
#define UNUM_POLLHUP 0x0010  /* always reported, never requested */
#define UNUM_POLLNVAL 0x0020 /* fd is not open */

/* ---- select: fd sets are arrays of 64-bit words, fd n is bit n%64 of word
   n/64 (newlib's fd_set with its default FD_SETSIZE of 64 is one word). */
#define UNUM_FD_SET_WORD_BITS 64
#define UNUM_SELECT_MAX_FDS 1024

#endif
