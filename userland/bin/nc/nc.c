/* nc: connect to or listen on a TCP or UDP port and copy standard input to the
   socket and the socket to standard output, with poll, until both sides are
   done. See docs/programs.md. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <termios.h>
#include <unistd.h>

#include "util.h"

struct options {
    int listen;
    int udp;
    int scan;
    int wait_seconds; /* -w: 0 none */
    const char* host;
    const char* port;
};

static void usage(void)
{
    fprintf(stderr, "usage: nc [-u] [-w SECS] [-z] HOST PORT[-PORT]\n       nc -l [-u] [-w SECS] [-p] PORT\n");
    exit(2);
}

static unsigned parse_port(const char* text)
{
    unsigned long port;
    if (util_parse_ulong(text, &port) < 0 || port == 0 || port > 65535) {
        fprintf(stderr, "nc: bad port: %s\n", text);
        exit(2);
    }
    return (unsigned)port;
}

static void parse_options(int argc, char** argv, struct options* o)
{
    int c;
    while ((c = getopt(argc, argv, "lupzw:")) != -1) {
        switch (c) {
        case 'l': o->listen = 1; break;
        case 'u': o->udp = 1; break;
        case 'p': break; /* -p PORT: the port follows as the operand */
        case 'z': o->scan = 1; break;
        case 'w': {
            unsigned long seconds;
            if (util_parse_ulong(optarg, &seconds) < 0)
                usage();
            o->wait_seconds = (int)seconds;
            break;
        }
        default: usage();
        }
    }
    if (o->listen) {
        if (optind + 1 != argc)
            usage();
        o->port = argv[optind];
    } else {
        if (optind + 2 != argc)
            usage();
        o->host = argv[optind];
        o->port = argv[optind + 1];
    }
}

static int make_socket(int udp)
{
    int fd = socket(AF_INET, udp ? SOCK_DGRAM : SOCK_STREAM, 0);
    if (fd < 0) {
        util_warn("nc", "socket");
        exit(1);
    }
    return fd;
}

static void set_timeout(int fd, int seconds)
{
    struct timeval timeout = { seconds, 0 };
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof(timeout));
}

static int connect_to(const struct options* o, unsigned port, int quiet)
{
    struct sockaddr_in address;
    if (util_inet_address(o->host, port, &address) < 0) {
        fprintf(stderr, "nc: unknown host: %s\n", o->host);
        exit(1);
    }
    int fd = make_socket(o->udp);
    if (o->wait_seconds)
        set_timeout(fd, o->wait_seconds);
    if (connect(fd, (struct sockaddr*)&address, sizeof(address)) < 0) {
        if (!quiet)
            fprintf(stderr, "nc: connect to %s port %u (%s) failed: %s\n", o->host, port, o->udp ? "udp" : "tcp",
                strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* -z: try each port of PORT or LOW-HIGH; exit 0 if any accepted. */
static int scan(const struct options* o)
{
    char low_text[16];
    const char* dash = strchr(o->port, '-');
    unsigned low, high;
    if (dash && (size_t)(dash - o->port) < sizeof(low_text)) {
        memcpy(low_text, o->port, (size_t)(dash - o->port));
        low_text[dash - o->port] = '\0';
        low = parse_port(low_text);
        high = parse_port(dash + 1);
    } else {
        low = high = parse_port(o->port);
    }
    int found = 0;
    for (unsigned port = low; port <= high; ++port) {
        int fd = connect_to(o, port, 1);
        if (fd >= 0) {
            printf("Connection to %s %u port [%s] succeeded!\n", o->host, port, o->udp ? "udp" : "tcp");
            close(fd);
            found = 1;
        }
    }
    return found ? 0 : 1;
}

static int listen_on(const struct options* o)
{
    int fd = make_socket(o->udp);
    int on = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    struct sockaddr_in address;
    memset(&address, 0, sizeof(address));
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)parse_port(o->port));
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(fd, (struct sockaddr*)&address, sizeof(address)) < 0) {
        util_warn("nc", "bind");
        exit(1);
    }
    if (o->udp)
        return fd; /* the first datagram names the peer (see copy_loop) */
    if (listen(fd, 1) < 0) {
        util_warn("nc", "listen");
        exit(1);
    }
    int connection = accept(fd, NULL, NULL);
    if (connection < 0) {
        util_warn("nc", "accept");
        exit(1);
    }
    close(fd);
    return connection;
}

/* A background job must not read the terminal: it would take lines meant for
   the shell (there is no SIGTTIN). So `nc -l P > F &` treats its stdin as empty. */
static int input_is_ours(void)
{
    if (!isatty(0))
        return 1;
    pid_t foreground = tcgetpgrp(0);
    return foreground < 0 || foreground == getpgrp();
}

/* The copying: stdin -> socket, socket -> stdout. A TCP socket's write side is
   shut down at the end of stdin; TCP ends when both directions ended (a peer
   that shuts down its side early still gets the rest of our input). A UDP
   client ends at the end of stdin (after -w seconds of quiet, if given); a UDP
   listener runs until killed (or -w seconds of quiet). */
static int copy_loop(int fd, const struct options* o)
{
    static char buffer[16384];
    int input_open = 1, socket_open = 1;
    if (!input_is_ours()) {
        input_open = 0;
        if (!o->udp)
            shutdown(fd, SHUT_WR);
    }
    int udp_peer_known = !(o->udp && o->listen);
    int timeout_ms = o->wait_seconds ? o->wait_seconds * 1000 : -1;
    for (;;) {
        if (o->udp ? !(socket_open && (input_open || o->listen || o->wait_seconds))
                   : !(socket_open || input_open))
            break;
        struct pollfd fds[2] = { { 0, POLLIN, 0 }, { fd, POLLIN, 0 } };
        if (!input_open)
            fds[0].fd = -1;
        if (!socket_open)
            fds[1].fd = -1;
        int ready = poll(fds, 2, timeout_ms);
        if (ready < 0) {
            if (errno == EINTR)
                continue;
            util_warn("nc", "poll");
            return 1;
        }
        if (ready == 0)
            break; /* -w: quiet for too long */
        if (fds[1].revents & (POLLIN | POLLHUP | POLLERR)) {
            struct sockaddr_in from;
            socklen_t length = sizeof(from);
            ssize_t n = recvfrom(fd, buffer, sizeof(buffer), 0, (struct sockaddr*)&from, &length);
            if (n < 0) {
                if (errno != EAGAIN && errno != EINTR) {
                    util_warn("nc", "read");
                    return 1;
                }
            } else if (n == 0 && !o->udp) {
                socket_open = 0;
            } else {
                if (!udp_peer_known && connect(fd, (struct sockaddr*)&from, length) == 0)
                    udp_peer_known = 1;
                if (util_write_all(1, buffer, (size_t)n) < 0)
                    return 1;
            }
        }
        if (input_open && (fds[0].revents & (POLLIN | POLLHUP | POLLERR))) {
            ssize_t n = read(0, buffer, sizeof(buffer));
            if (n <= 0) {
                input_open = 0;
                if (!o->udp)
                    shutdown(fd, SHUT_WR);
            } else if (udp_peer_known && util_write_all(fd, buffer, (size_t)n) < 0) {
                /* -w sets SO_SNDTIMEO: a send that made no progress for that
                   long fails with EAGAIN, whose newlib text misleads. */
                if (errno == EAGAIN)
                    fprintf(stderr, "nc: write: the peer took nothing for %d s\n", o->wait_seconds);
                else
                    util_warn("nc", "write");
                return 1;
            }
        }
    }
    return 0;
}

int main(int argc, char** argv)
{
    struct options o;
    memset(&o, 0, sizeof(o));
    parse_options(argc, argv, &o);
    if (o.scan && !o.listen)
        return scan(&o);
    int fd = o.listen ? listen_on(&o) : connect_to(&o, parse_port(o.port), 0);
    if (fd < 0)
        return 1;
    int status = copy_loop(fd, &o);
    close(fd);
    return status;
}
