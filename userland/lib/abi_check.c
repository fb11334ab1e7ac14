/* Compile-time proof that kernel/abi/ agrees with newlib's headers (and with
   userland's own headers where newlib has none). It emits no code; it is
   compiled with every userland build so a drift fails the build. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stddef.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <dirent.h>

#include "unum.h"

#define SAME(a, b) _Static_assert((a) == (b), #a " != " #b)
#define SAME_FIELD(t1, t2, f)                                           \
    _Static_assert(offsetof(t1, f) == offsetof(t2, f), #t1 "." #f);     \
    _Static_assert(sizeof(((t1*)0)->f) == sizeof(((t2*)0)->f), #t1 "." #f " size")

/* crt0.S hard-codes the sigreturn number. */
SAME(UNUM_SYS_SIGRETURN, 10);

/* errno */
SAME(UNUM_EPERM, EPERM); SAME(UNUM_ENOENT, ENOENT); SAME(UNUM_ESRCH, ESRCH);
SAME(UNUM_EINTR, EINTR); SAME(UNUM_EIO, EIO); SAME(UNUM_ENXIO, ENXIO);
SAME(UNUM_E2BIG, E2BIG); SAME(UNUM_ENOEXEC, ENOEXEC); SAME(UNUM_EBADF, EBADF);
SAME(UNUM_ECHILD, ECHILD); SAME(UNUM_EAGAIN, EAGAIN); SAME(UNUM_ENOMEM, ENOMEM);
SAME(UNUM_EACCES, EACCES); SAME(UNUM_EFAULT, EFAULT); SAME(UNUM_EBUSY, EBUSY);
SAME(UNUM_EEXIST, EEXIST); SAME(UNUM_EXDEV, EXDEV); SAME(UNUM_ENODEV, ENODEV);
SAME(UNUM_ENOTDIR, ENOTDIR); SAME(UNUM_EISDIR, EISDIR); SAME(UNUM_EINVAL, EINVAL);
SAME(UNUM_ENFILE, ENFILE); SAME(UNUM_EMFILE, EMFILE); SAME(UNUM_ENOTTY, ENOTTY);
SAME(UNUM_ETXTBSY, ETXTBSY); SAME(UNUM_EFBIG, EFBIG); SAME(UNUM_ENOSPC, ENOSPC);
SAME(UNUM_ESPIPE, ESPIPE); SAME(UNUM_EROFS, EROFS); SAME(UNUM_EMLINK, EMLINK);
SAME(UNUM_EPIPE, EPIPE); SAME(UNUM_EDOM, EDOM); SAME(UNUM_ERANGE, ERANGE);
SAME(UNUM_EDEADLK, EDEADLK); SAME(UNUM_ENOLCK, ENOLCK); SAME(UNUM_EPROTO, EPROTO);
SAME(UNUM_EBADMSG, EBADMSG); SAME(UNUM_ENOSYS, ENOSYS); SAME(UNUM_ENOTEMPTY, ENOTEMPTY);
SAME(UNUM_ENAMETOOLONG, ENAMETOOLONG); SAME(UNUM_ELOOP, ELOOP);
SAME(UNUM_EOPNOTSUPP, EOPNOTSUPP); SAME(UNUM_ECONNRESET, ECONNRESET);
SAME(UNUM_ENOBUFS, ENOBUFS); SAME(UNUM_ECONNREFUSED, ECONNREFUSED);
SAME(UNUM_EADDRINUSE, EADDRINUSE); SAME(UNUM_ECONNABORTED, ECONNABORTED);
SAME(UNUM_ENETUNREACH, ENETUNREACH); SAME(UNUM_ENETDOWN, ENETDOWN);
SAME(UNUM_ETIMEDOUT, ETIMEDOUT); SAME(UNUM_EHOSTDOWN, EHOSTDOWN);
SAME(UNUM_EHOSTUNREACH, EHOSTUNREACH); SAME(UNUM_EINPROGRESS, EINPROGRESS);
SAME(UNUM_EALREADY, EALREADY); SAME(UNUM_EMSGSIZE, EMSGSIZE); SAME(UNUM_ENOTCONN, ENOTCONN);
SAME(UNUM_ENOTSUP, ENOTSUP); SAME(UNUM_EILSEQ, EILSEQ); SAME(UNUM_EOVERFLOW, EOVERFLOW);
SAME(UNUM_ECANCELED, ECANCELED);

/* open, fcntl, lseek */
SAME(UNUM_O_RDONLY, O_RDONLY); SAME(UNUM_O_WRONLY, O_WRONLY); SAME(UNUM_O_RDWR, O_RDWR);
SAME(UNUM_O_ACCMODE, O_ACCMODE); SAME(UNUM_O_APPEND, O_APPEND); SAME(UNUM_O_CREAT, O_CREAT);
SAME(UNUM_O_TRUNC, O_TRUNC); SAME(UNUM_O_EXCL, O_EXCL); SAME(UNUM_O_SYNC, O_SYNC);
SAME(UNUM_O_NONBLOCK, O_NONBLOCK); SAME(UNUM_O_NOCTTY, O_NOCTTY); SAME(UNUM_O_CLOEXEC, O_CLOEXEC);
SAME(UNUM_O_NOFOLLOW, O_NOFOLLOW); SAME(UNUM_O_DIRECTORY, O_DIRECTORY);
SAME(UNUM_F_DUPFD, F_DUPFD); SAME(UNUM_F_GETFD, F_GETFD); SAME(UNUM_F_SETFD, F_SETFD);
SAME(UNUM_F_GETFL, F_GETFL); SAME(UNUM_F_SETFL, F_SETFL); SAME(UNUM_F_DUPFD_CLOEXEC, F_DUPFD_CLOEXEC);
SAME(UNUM_FD_CLOEXEC, FD_CLOEXEC);
SAME(UNUM_SEEK_SET, SEEK_SET); SAME(UNUM_SEEK_CUR, SEEK_CUR); SAME(UNUM_SEEK_END, SEEK_END);

/* mode bits and struct stat */
SAME(UNUM_S_IFMT, S_IFMT); SAME(UNUM_S_IFSOCK, S_IFSOCK); SAME(UNUM_S_IFLNK, S_IFLNK);
SAME(UNUM_S_IFREG, S_IFREG); SAME(UNUM_S_IFBLK, S_IFBLK); SAME(UNUM_S_IFDIR, S_IFDIR);
SAME(UNUM_S_IFCHR, S_IFCHR); SAME(UNUM_S_IFIFO, S_IFIFO); SAME(UNUM_S_ISUID, S_ISUID);
SAME(UNUM_S_ISGID, S_ISGID); SAME(UNUM_S_ISVTX, S_ISVTX);
SAME(sizeof(struct unum_stat), sizeof(struct stat));
SAME_FIELD(struct unum_stat, struct stat, st_dev);
SAME_FIELD(struct unum_stat, struct stat, st_ino);
SAME_FIELD(struct unum_stat, struct stat, st_mode);
SAME_FIELD(struct unum_stat, struct stat, st_nlink);
SAME_FIELD(struct unum_stat, struct stat, st_uid);
SAME_FIELD(struct unum_stat, struct stat, st_gid);
SAME_FIELD(struct unum_stat, struct stat, st_rdev);
SAME_FIELD(struct unum_stat, struct stat, st_size);
SAME_FIELD(struct unum_stat, struct stat, st_atim);
SAME_FIELD(struct unum_stat, struct stat, st_mtim);
SAME_FIELD(struct unum_stat, struct stat, st_ctim);
SAME_FIELD(struct unum_stat, struct stat, st_blksize);
SAME_FIELD(struct unum_stat, struct stat, st_blocks);

/* time */
SAME(sizeof(struct unum_timespec), sizeof(struct timespec));
SAME_FIELD(struct unum_timespec, struct timespec, tv_sec);
SAME_FIELD(struct unum_timespec, struct timespec, tv_nsec);
SAME(sizeof(struct unum_timeval), sizeof(struct timeval));
SAME_FIELD(struct unum_timeval, struct timeval, tv_sec);
SAME_FIELD(struct unum_timeval, struct timeval, tv_usec);
SAME(sizeof(struct unum_timezone), sizeof(struct timezone));
SAME_FIELD(struct unum_timezone, struct timezone, tz_minuteswest);
SAME_FIELD(struct unum_timezone, struct timezone, tz_dsttime);
SAME(UNUM_CLOCK_REALTIME, CLOCK_REALTIME); SAME(UNUM_CLOCK_MONOTONIC, CLOCK_MONOTONIC);
/* newlib names CLOCK_*_CPUTIME_ID (2, 3) only with _POSIX_CPUTIME: not checked. */

/* wait status, decoded by newlib's macros */
SAME(UNUM_WNOHANG, WNOHANG); SAME(UNUM_WUNTRACED, WUNTRACED);
_Static_assert(WIFEXITED(UNUM_W_EXITED(3)) && WEXITSTATUS(UNUM_W_EXITED(3)) == 3, "exited");
_Static_assert(!WIFSIGNALED(UNUM_W_EXITED(3)) && !WIFSTOPPED(UNUM_W_EXITED(3)), "exited only");
_Static_assert(WIFSIGNALED(UNUM_W_SIGNALED(11)) && WTERMSIG(UNUM_W_SIGNALED(11)) == 11, "signaled");
_Static_assert(!WIFEXITED(UNUM_W_SIGNALED(11)) && !WIFSTOPPED(UNUM_W_SIGNALED(11)), "signaled only");
_Static_assert(WIFSTOPPED(UNUM_W_STOPPED(18)) && WSTOPSIG(UNUM_W_STOPPED(18)) == 18, "stopped");
_Static_assert(!WIFEXITED(UNUM_W_STOPPED(18)) && !WIFSIGNALED(UNUM_W_STOPPED(18)), "stopped only");

/* signals */
SAME(UNUM_SIGHUP, SIGHUP); SAME(UNUM_SIGINT, SIGINT); SAME(UNUM_SIGQUIT, SIGQUIT);
SAME(UNUM_SIGILL, SIGILL); SAME(UNUM_SIGTRAP, SIGTRAP); SAME(UNUM_SIGABRT, SIGABRT);
SAME(UNUM_SIGEMT, SIGEMT); SAME(UNUM_SIGFPE, SIGFPE); SAME(UNUM_SIGKILL, SIGKILL);
SAME(UNUM_SIGBUS, SIGBUS); SAME(UNUM_SIGSEGV, SIGSEGV); SAME(UNUM_SIGSYS, SIGSYS);
SAME(UNUM_SIGPIPE, SIGPIPE); SAME(UNUM_SIGALRM, SIGALRM); SAME(UNUM_SIGTERM, SIGTERM);
SAME(UNUM_SIGURG, SIGURG); SAME(UNUM_SIGSTOP, SIGSTOP); SAME(UNUM_SIGTSTP, SIGTSTP);
SAME(UNUM_SIGCONT, SIGCONT); SAME(UNUM_SIGCHLD, SIGCHLD); SAME(UNUM_SIGTTIN, SIGTTIN);
SAME(UNUM_SIGTTOU, SIGTTOU); SAME(UNUM_SIGIO, SIGIO); SAME(UNUM_SIGXCPU, SIGXCPU);
SAME(UNUM_SIGXFSZ, SIGXFSZ); SAME(UNUM_SIGVTALRM, SIGVTALRM); SAME(UNUM_SIGPROF, SIGPROF);
SAME(UNUM_SIGWINCH, SIGWINCH); SAME(UNUM_SIGLOST, SIGLOST); SAME(UNUM_SIGUSR1, SIGUSR1);
SAME(UNUM_SIGUSR2, SIGUSR2); SAME(UNUM_NSIG, NSIG);
SAME(UNUM_SIG_SETMASK, SIG_SETMASK); SAME(UNUM_SIG_BLOCK, SIG_BLOCK); SAME(UNUM_SIG_UNBLOCK, SIG_UNBLOCK);
SAME(UNUM_SA_NOCLDSTOP, SA_NOCLDSTOP); SAME(UNUM_SA_RESTART, SA_RESTART);
SAME(UNUM_SA_NODEFER, SA_NODEFER); SAME(UNUM_SA_RESETHAND, SA_RESETHAND);
SAME(sizeof(unum_sigset_t), sizeof(sigset_t));
_Static_assert(__builtin_types_compatible_p(unum_sigset_t, sigset_t), "sigset_t type");

/* terminals (userland headers) */
SAME(sizeof(struct unum_termios), sizeof(struct termios));
SAME_FIELD(struct unum_termios, struct termios, c_iflag);
SAME_FIELD(struct unum_termios, struct termios, c_oflag);
SAME_FIELD(struct unum_termios, struct termios, c_cflag);
SAME_FIELD(struct unum_termios, struct termios, c_lflag);
SAME_FIELD(struct unum_termios, struct termios, c_line);
SAME_FIELD(struct unum_termios, struct termios, c_cc);
SAME(sizeof(struct unum_winsize), sizeof(struct winsize));
SAME_FIELD(struct unum_winsize, struct winsize, ws_row);
SAME_FIELD(struct unum_winsize, struct winsize, ws_col);

/* uname, mmap, dirent (userland headers) */
SAME(sizeof(struct unum_utsname), sizeof(struct utsname));
SAME_FIELD(struct unum_utsname, struct utsname, nodename);
SAME_FIELD(struct unum_utsname, struct utsname, machine);
SAME(UNUM_DIRENT_NAME_OFFSET, offsetof(struct unum_dirent, d_name));
SAME(UNUM_DIRENT_RECLEN(1), 16);
SAME(UNUM_DIRENT_RECLEN(4), 16);
SAME(UNUM_DIRENT_RECLEN(5), 24);
SAME(MAP_FAILED, (void*)-1);

/* sockets and readiness: userland's <sys/socket.h>, <netinet/in.h>, <poll.h>
   and newlib's fd_set against kernel/abi/unum_socket.h */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/select.h>
#include <sys/socket.h>
_Static_assert(sizeof(struct sockaddr) == sizeof(struct unum_sockaddr), "sockaddr size");
SAME_FIELD(struct sockaddr, struct unum_sockaddr, sa_family);
SAME_FIELD(struct sockaddr, struct unum_sockaddr, sa_data);
_Static_assert(sizeof(struct sockaddr_in) == sizeof(struct unum_sockaddr_in), "sockaddr_in size");
SAME_FIELD(struct sockaddr_in, struct unum_sockaddr_in, sin_family);
SAME_FIELD(struct sockaddr_in, struct unum_sockaddr_in, sin_port);
SAME_FIELD(struct sockaddr_in, struct unum_sockaddr_in, sin_addr);
SAME_FIELD(struct sockaddr_in, struct unum_sockaddr_in, sin_zero);
_Static_assert(sizeof(socklen_t) == sizeof(unum_socklen_t), "socklen_t size");
_Static_assert(sizeof(struct iovec) == sizeof(struct unum_iovec), "iovec size");
SAME_FIELD(struct iovec, struct unum_iovec, iov_base);
SAME_FIELD(struct iovec, struct unum_iovec, iov_len);
_Static_assert(sizeof(struct msghdr) == sizeof(struct unum_msghdr), "msghdr size");
SAME_FIELD(struct msghdr, struct unum_msghdr, msg_name);
SAME_FIELD(struct msghdr, struct unum_msghdr, msg_namelen);
SAME_FIELD(struct msghdr, struct unum_msghdr, msg_iov);
SAME_FIELD(struct msghdr, struct unum_msghdr, msg_iovlen);
SAME_FIELD(struct msghdr, struct unum_msghdr, msg_control);
SAME_FIELD(struct msghdr, struct unum_msghdr, msg_controllen);
SAME_FIELD(struct msghdr, struct unum_msghdr, msg_flags);
_Static_assert(sizeof(struct linger) == sizeof(struct unum_linger), "linger size");
SAME_FIELD(struct linger, struct unum_linger, l_onoff);
SAME_FIELD(struct linger, struct unum_linger, l_linger);
SAME(IOV_MAX, UNUM_IOV_MAX);
_Static_assert(sizeof(struct pollfd) == sizeof(struct unum_pollfd), "pollfd size");
SAME_FIELD(struct pollfd, struct unum_pollfd, fd);
SAME_FIELD(struct pollfd, struct unum_pollfd, events);
SAME_FIELD(struct pollfd, struct unum_pollfd, revents);
/* select: newlib's fd_set is whole 64-bit words, fd n at bit n%64 of word n/64. */
_Static_assert(sizeof(fd_mask) * 8 == UNUM_FD_SET_WORD_BITS, "fd_set word");
_Static_assert(sizeof(fd_set) % 8 == 0, "fd_set words");
_Static_assert(FD_SETSIZE <= UNUM_SELECT_MAX_FDS, "FD_SETSIZE");
SAME_FIELD(struct timeval, struct unum_timeval, tv_sec);
SAME_FIELD(struct timeval, struct unum_timeval, tv_usec);
SAME(EAFNOSUPPORT, 106); SAME(ENOTSOCK, 108); SAME(ENOPROTOOPT, 109); SAME(EPROTONOSUPPORT, 123);
SAME(EADDRNOTAVAIL, 125); SAME(EISCONN, 127); SAME(EDESTADDRREQ, 121); SAME(EPROTOTYPE, 107);
