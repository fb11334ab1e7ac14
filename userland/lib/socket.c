/* newlib-side glue for sockets and readiness: each function is one system call
   of kernel/abi/unum_abi.h (48-61, 65-66). The structs of <sys/socket.h>, <poll.h> and
   <sys/select.h> are the ABI's (abi_check.c proves it), so pointers pass
   straight through. */
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>

#include "unum_syscall.h"

long unum_ret(long r);

#define L(x) ((long)(x))

int socket(int domain, int type, int protocol)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_SOCKET, domain, type, protocol));
}

int bind(int fd, const struct sockaddr* addr, socklen_t len)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_BIND, fd, L(addr), len));
}

int listen(int fd, int backlog) { return (int)unum_ret(unum_syscall2(UNUM_SYS_LISTEN, fd, backlog)); }

int accept(int fd, struct sockaddr* addr, socklen_t* len)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_ACCEPT, fd, L(addr), L(len)));
}

int connect(int fd, const struct sockaddr* addr, socklen_t len)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_CONNECT, fd, L(addr), len));
}

ssize_t sendto(int fd, const void* buf, size_t n, int flags, const struct sockaddr* to, socklen_t len)
{
    return unum_ret(unum_syscall6(UNUM_SYS_SENDTO, fd, L(buf), L(n), flags, L(to), len));
}

ssize_t recvfrom(int fd, void* buf, size_t n, int flags, struct sockaddr* from, socklen_t* len)
{
    return unum_ret(unum_syscall6(UNUM_SYS_RECVFROM, fd, L(buf), L(n), flags, L(from), L(len)));
}

ssize_t sendmsg(int fd, const struct msghdr* msg, int flags)
{
    return unum_ret(unum_syscall3(UNUM_SYS_SENDMSG, fd, L(msg), flags));
}

ssize_t recvmsg(int fd, struct msghdr* msg, int flags)
{
    return unum_ret(unum_syscall3(UNUM_SYS_RECVMSG, fd, L(msg), flags));
}

ssize_t send(int fd, const void* buf, size_t n, int flags) { return sendto(fd, buf, n, flags, 0, 0); }
ssize_t recv(int fd, void* buf, size_t n, int flags) { return recvfrom(fd, buf, n, flags, 0, 0); }

int shutdown(int fd, int how) { return (int)unum_ret(unum_syscall2(UNUM_SYS_SHUTDOWN, fd, how)); }

int getsockopt(int fd, int level, int name, void* value, socklen_t* len)
{
    return (int)unum_ret(unum_syscall6(UNUM_SYS_GETSOCKOPT, fd, level, name, L(value), L(len), 0));
}

int setsockopt(int fd, int level, int name, const void* value, socklen_t len)
{
    return (int)unum_ret(unum_syscall6(UNUM_SYS_SETSOCKOPT, fd, level, name, L(value), len, 0));
}

int getsockname(int fd, struct sockaddr* addr, socklen_t* len)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_GETSOCKNAME, fd, L(addr), L(len)));
}

int getpeername(int fd, struct sockaddr* addr, socklen_t* len)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_GETPEERNAME, fd, L(addr), L(len)));
}

int poll(struct pollfd* fds, nfds_t count, int timeout)
{
    return (int)unum_ret(unum_syscall3(UNUM_SYS_POLL, L(fds), L(count), timeout));
}

/* newlib's fd_set is one 64-bit word (FD_SETSIZE 64): the ABI's fd set. */
int select(int nfds, fd_set* readfds, fd_set* writefds, fd_set* exceptfds, struct timeval* timeout)
{
    return (int)unum_ret(unum_syscall6(UNUM_SYS_SELECT, nfds, L(readfds), L(writefds), L(exceptfds), L(timeout), 0));
}
