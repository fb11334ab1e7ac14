/* BSD sockets over the Unum ABI (kernel/abi/unum_socket.h): IPv4 TCP, UDP and
   raw ICMP. newlib has no socket headers; the values are Unum's. */
#ifndef _SYS_SOCKET_H
#define _SYS_SOCKET_H

#include <stddef.h>
#include <sys/types.h>
#include <sys/uio.h>

#include "unum_socket.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef unum_socklen_t socklen_t;
typedef unsigned short sa_family_t;

struct sockaddr {
    sa_family_t sa_family;
    char sa_data[14];
};

/* Big enough for any address Unum knows (IPv4 only today). */
struct sockaddr_storage {
    sa_family_t ss_family;
    char __ss_data[126];
};

#define AF_UNSPEC UNUM_AF_UNSPEC
#define AF_INET UNUM_AF_INET
#define PF_UNSPEC AF_UNSPEC
#define PF_INET AF_INET

#define SOCK_STREAM UNUM_SOCK_STREAM
#define SOCK_DGRAM UNUM_SOCK_DGRAM
#define SOCK_RAW UNUM_SOCK_RAW
#define SOCK_NONBLOCK UNUM_SOCK_NONBLOCK
#define SOCK_CLOEXEC UNUM_SOCK_CLOEXEC

#define MSG_PEEK UNUM_MSG_PEEK
#define MSG_WAITALL UNUM_MSG_WAITALL
#define MSG_DONTWAIT UNUM_MSG_DONTWAIT
#define MSG_NOSIGNAL 0 /* accepted and ignored */
#define MSG_TRUNC UNUM_MSG_TRUNC   /* recvmsg's msg_flags: a datagram was cut */
#define MSG_CTRUNC UNUM_MSG_CTRUNC /* never set: no ancillary data */

/* sendmsg/recvmsg. No ancillary data: sendmsg with msg_controllen > 0 is
   EINVAL; recvmsg sets msg_controllen to 0. */
struct msghdr {
    void* msg_name;
    socklen_t msg_namelen;
    struct iovec* msg_iov;
    int msg_iovlen;
    void* msg_control;
    socklen_t msg_controllen;
    int msg_flags;
};

#define SHUT_RD UNUM_SHUT_RD
#define SHUT_WR UNUM_SHUT_WR
#define SHUT_RDWR UNUM_SHUT_RDWR

#define SOL_SOCKET UNUM_SOL_SOCKET
#define SO_REUSEADDR UNUM_SO_REUSEADDR
#define SO_KEEPALIVE UNUM_SO_KEEPALIVE
#define SO_BROADCAST UNUM_SO_BROADCAST
#define SO_LINGER UNUM_SO_LINGER
#define SO_SNDBUF UNUM_SO_SNDBUF
#define SO_RCVBUF UNUM_SO_RCVBUF
#define SO_SNDTIMEO UNUM_SO_SNDTIMEO
#define SO_RCVTIMEO UNUM_SO_RCVTIMEO
#define SO_ERROR UNUM_SO_ERROR
#define SO_TYPE UNUM_SO_TYPE

#define SOMAXCONN 16

struct linger {
    int l_onoff;
    int l_linger; /* seconds */
};

int socket(int domain, int type, int protocol);
int bind(int fd, const struct sockaddr* addr, socklen_t len);
int listen(int fd, int backlog);
int accept(int fd, struct sockaddr* addr, socklen_t* len);
int connect(int fd, const struct sockaddr* addr, socklen_t len);
ssize_t send(int fd, const void* buf, size_t n, int flags);
ssize_t recv(int fd, void* buf, size_t n, int flags);
ssize_t sendto(int fd, const void* buf, size_t n, int flags, const struct sockaddr* to, socklen_t len);
ssize_t recvfrom(int fd, void* buf, size_t n, int flags, struct sockaddr* from, socklen_t* len);
ssize_t sendmsg(int fd, const struct msghdr* msg, int flags);
ssize_t recvmsg(int fd, struct msghdr* msg, int flags);
int shutdown(int fd, int how);
int getsockopt(int fd, int level, int name, void* value, socklen_t* len);
int setsockopt(int fd, int level, int name, const void* value, socklen_t len);
int getsockname(int fd, struct sockaddr* addr, socklen_t* len);
int getpeername(int fd, struct sockaddr* addr, socklen_t* len);

#ifdef __cplusplus
}
#endif

#endif
