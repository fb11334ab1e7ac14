/* polltest's socket checks over loopback: readiness of listeners and
   connections, end of stream, non-blocking connect/accept, timeouts, options,
   EPIPE and the errors of misuse. */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "polltest.h"

#define PORT 7100

struct sockaddr_in loopback(int port)
{
    struct sockaddr_in address;
    memset(&address, 0, sizeof(address));
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

int listener_on(int port)
{
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    struct sockaddr_in address = loopback(port);
    if (bind(fd, (struct sockaddr*)&address, sizeof(address)) < 0 || listen(fd, 4) < 0)
        return -1;
    return fd;
}

int readable_within(int fd, int ms)
{
    struct pollfd entry = { fd, POLLIN, 0 };
    return poll(&entry, 1, ms) == 1 && (entry.revents & POLLIN);
}

void socket_checks(void)
{
    signal(SIGPIPE, SIG_IGN); /* the EPIPE check below */
    int listener = listener_on(PORT);
    check(listener >= 0, "socket: listen on 127.0.0.1");
    if (listener < 0)
        return;
    struct stat info;
    check(fstat(listener, &info) == 0 && S_ISSOCK(info.st_mode), "socket: fstat says S_IFSOCK");
    int type = 0;
    socklen_t length = sizeof(type);
    check(getsockopt(listener, SOL_SOCKET, SO_TYPE, &type, &length) == 0 && type == SOCK_STREAM, "socket: SO_TYPE");
    check(!readable_within(listener, 0), "socket: an idle listener is not readable");

    /* A non-blocking connect completes; poll says writable, SO_ERROR says 0. */
    int client = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    struct sockaddr_in address = loopback(PORT);
    int started = connect(client, (struct sockaddr*)&address, sizeof(address));
    check(started == 0 || errno == EINPROGRESS, "socket: non-blocking connect starts");
    struct pollfd out = { client, POLLOUT, 0 };
    check(poll(&out, 1, 5000) == 1 && (out.revents & POLLOUT), "socket: connected client is writable");
    int error = -1;
    length = sizeof(error);
    check(getsockopt(client, SOL_SOCKET, SO_ERROR, &error, &length) == 0 && error == 0, "socket: SO_ERROR is 0");
    check(readable_within(listener, 5000), "socket: listener readable with a connection waiting");
    struct sockaddr_in peer;
    length = sizeof(peer);
    int server = accept(listener, (struct sockaddr*)&peer, &length);
    check(server >= 0 && length == sizeof(peer) && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
        "socket: accept names the peer");
    fcntl(listener, F_SETFL, O_NONBLOCK);
    check(accept(listener, NULL, NULL) == -1 && errno == EAGAIN, "socket: non-blocking accept is EAGAIN");

    int on = 1;
    check(setsockopt(client, IPPROTO_TCP, TCP_NODELAY, &on, sizeof(on)) == 0, "socket: TCP_NODELAY");
    char buffer[16];
    check(recv(client, buffer, sizeof(buffer), 0) == -1 && errno == EAGAIN, "socket: empty non-blocking recv is EAGAIN");
    check(send(client, "ping", 4, 0) == 4, "socket: send");
    check(readable_within(server, 5000), "socket: data makes the peer readable");
    check(read(server, buffer, sizeof(buffer)) == 4 && memcmp(buffer, "ping", 4) == 0, "socket: read what was sent");

    struct timeval timeout = { 0, 100000 };
    setsockopt(server, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    check(recv(server, buffer, sizeof(buffer), 0) == -1 && errno == EAGAIN, "socket: SO_RCVTIMEO gives EAGAIN");

    check(shutdown(client, SHUT_WR) == 0, "socket: shutdown(SHUT_WR)");
    check(readable_within(server, 5000) && read(server, buffer, sizeof(buffer)) == 0, "socket: end of stream reads 0");
    check(send(client, "x", 1, 0) == -1 && errno == EPIPE, "socket: send after SHUT_WR is EPIPE");
    close(server);
    close(client);

    int refused = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in closed_port = loopback(PORT + 1);
    check(connect(refused, (struct sockaddr*)&closed_port, sizeof(closed_port)) == -1 && errno == ECONNREFUSED,
        "socket: connect to a closed port is ECONNREFUSED");
    close(refused);

    int datagram = socket(AF_INET, SOCK_DGRAM, 0);
    check(send(datagram, "x", 1, 0) == -1 && errno == EDESTADDRREQ, "socket: unconnected datagram send is EDESTADDRREQ");
    check(listen(datagram, 1) == -1 && errno == EOPNOTSUPP, "socket: listen on UDP is EOPNOTSUPP");
    check(getpeername(datagram, (struct sockaddr*)&peer, &length) == -1 && errno == ENOTCONN,
        "socket: getpeername unconnected is ENOTCONN");
    close(datagram);
    check(bind(0, (struct sockaddr*)&address, sizeof(address)) == -1 && errno == ENOTSOCK, "socket: ENOTSOCK on a tty");
    check(socket(AF_INET, SOCK_RAW, 0) == -1 && errno == EPROTONOSUPPORT, "socket: raw needs IPPROTO_ICMP");
    close(listener);
    signal(SIGPIPE, SIG_DFL);
}
