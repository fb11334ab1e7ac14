/* poll() over any file descriptors (kernel/abi/unum_socket.h). */
#ifndef _POLL_H
#define _POLL_H

#include "unum_socket.h"

#ifdef __cplusplus
extern "C" {
#endif

struct pollfd {
    int fd;
    short events;
    short revents;
};
typedef unsigned long nfds_t;

#define POLLIN UNUM_POLLIN
#define POLLPRI UNUM_POLLPRI
#define POLLOUT UNUM_POLLOUT
#define POLLERR UNUM_POLLERR
#define POLLHUP UNUM_POLLHUP
#define POLLNVAL UNUM_POLLNVAL
#define POLLRDNORM POLLIN
#define POLLWRNORM POLLOUT

/* timeout in milliseconds; negative waits forever, 0 does not wait. */
int poll(struct pollfd* fds, nfds_t count, int timeout);

#ifdef __cplusplus
}
#endif

#endif
