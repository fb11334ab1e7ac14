/* polltest's sendmsg/recvmsg and SO_LINGER checks over loopback: UDP and TCP
   gather/scatter, msg_name both ways, MSG_TRUNC, the errors of bad arguments,
   and a lingering close (reset with l_linger 0, a bounded wait otherwise). */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "polltest.h"
#include "util.h"

#define UDP_PORT 7110
#define TCP_PORT 7112
#define LINGER_PORT 7113
#define STREAM_SIZE 20000 /* below one TCP window, so a blocking send needs no reader */

static char g_stream[STREAM_SIZE];
static char g_received[STREAM_SIZE];

static int udp_on(int port)
{
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    struct sockaddr_in address = loopback(port);
    if (fd < 0 || bind(fd, (struct sockaddr*)&address, sizeof(address)) < 0)
        return -1;
    return fd;
}

static struct msghdr message(struct sockaddr_in* name, struct iovec* vectors, int count)
{
    struct msghdr header;
    memset(&header, 0, sizeof(header));
    header.msg_name = name;
    header.msg_namelen = name ? sizeof(*name) : 0;
    header.msg_iov = vectors;
    header.msg_iovlen = count;
    return header;
}

/* A connected pair over loopback: *client and *server (accepted). */
static int connected_pair(int port, int* client, int* server)
{
    int listener = listener_on(port);
    if (listener < 0)
        return -1;
    *client = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in address = loopback(port);
    if (connect(*client, (struct sockaddr*)&address, sizeof(address)) < 0) {
        close(listener);
        return -1;
    }
    *server = accept(listener, NULL, NULL);
    close(listener);
    return *server < 0 ? -1 : 0;
}

static void udp_messages(void)
{
    int sender = udp_on(UDP_PORT), receiver = udp_on(UDP_PORT + 1);
    check(sender >= 0 && receiver >= 0, "sendmsg: two UDP sockets");
    struct sockaddr_in to = loopback(UDP_PORT + 1);
    struct iovec out[3] = { { "ab", 2 }, { NULL, 0 }, { "cdef", 4 } };
    struct msghdr sent = message(&to, out, 3);
    check(sendmsg(sender, &sent, 0) == 6, "sendmsg: UDP gathers three iovecs into one datagram");

    char first[2], second[10], control[16];
    struct iovec in[2] = { { first, sizeof(first) }, { second, sizeof(second) } };
    struct sockaddr_in from;
    memset(&from, 0, sizeof(from));
    struct msghdr got = message(&from, in, 2);
    got.msg_namelen = 64;
    got.msg_control = control;
    got.msg_controllen = sizeof(control);
    got.msg_flags = -1;
    check(recvmsg(receiver, &got, 0) == 6 && memcmp(first, "ab", 2) == 0 && memcmp(second, "cdef", 4) == 0,
        "recvmsg: UDP scatters the datagram over two iovecs");
    check(got.msg_namelen == sizeof(from) && from.sin_family == AF_INET && from.sin_port == htons(UDP_PORT)
            && from.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
        "recvmsg: msg_name is the UDP sender");
    check(got.msg_controllen == 0 && got.msg_flags == 0, "recvmsg: msg_controllen 0, msg_flags 0");

    struct iovec whole = { "0123456789", 10 };
    struct msghdr long_one = message(&to, &whole, 1);
    sendmsg(sender, &long_one, 0);
    sendto(sender, "xyz", 3, 0, (struct sockaddr*)&to, sizeof(to));
    char small[4];
    struct iovec cut = { small, sizeof(small) };
    got = message(NULL, &cut, 1);
    check(recvmsg(receiver, &got, 0) == 4 && (got.msg_flags & MSG_TRUNC) && memcmp(small, "0123", 4) == 0,
        "recvmsg: a datagram cut to the buffer sets MSG_TRUNC");
    check(recvmsg(receiver, &got, 0) == 3 && !(got.msg_flags & MSG_TRUNC) && memcmp(small, "xyz", 3) == 0,
        "recvmsg: the rest of a cut datagram is dropped");

    /* Misuse: the errors Linux gives. */
    struct msghdr bad = message(&to, out, IOV_MAX + 1);
    check(sendmsg(sender, &bad, 0) == -1 && errno == EMSGSIZE, "sendmsg: more than IOV_MAX iovecs is EMSGSIZE");
    bad = message(&to, (struct iovec*)16, 1);
    check(sendmsg(sender, &bad, 0) == -1 && errno == EFAULT, "sendmsg: a bad msg_iov is EFAULT");
    struct iovec wild = { (void*)16, 4 };
    bad = message(&to, &wild, 1);
    check(sendmsg(sender, &bad, 0) == -1 && errno == EFAULT, "sendmsg: a bad iov_base is EFAULT");
    check(sendmsg(sender, (struct msghdr*)16, 0) == -1 && errno == EFAULT, "sendmsg: a bad msghdr is EFAULT");
    check(recvmsg(receiver, NULL, MSG_DONTWAIT) == -1 && errno == EFAULT, "recvmsg: a null msghdr is EFAULT");
    bad = message(&to, out, 3);
    bad.msg_control = control;
    bad.msg_controllen = sizeof(control);
    check(sendmsg(sender, &bad, 0) == -1 && errno == EINVAL, "sendmsg: ancillary data is EINVAL");
    bad = message(NULL, out, 3);
    check(sendmsg(sender, &bad, 0) == -1 && errno == EDESTADDRREQ, "sendmsg: no msg_name, not connected: EDESTADDRREQ");
    got = message(NULL, &cut, 1);
    check(recvmsg(receiver, &got, MSG_DONTWAIT) == -1 && errno == EAGAIN, "recvmsg: MSG_DONTWAIT with nothing is EAGAIN");
    close(sender);
    close(receiver);
}

static void tcp_messages(void)
{
    int client, server;
    if (connected_pair(TCP_PORT, &client, &server) < 0) {
        check(0, "sendmsg: TCP connection");
        return;
    }
    for (int i = 0; i < STREAM_SIZE; ++i)
        g_stream[i] = (char)('a' + i % 26);
    struct iovec out[3] = { { g_stream, 7 }, { g_stream + 7, STREAM_SIZE - 17 }, { g_stream + STREAM_SIZE - 10, 10 } };
    struct msghdr sent = message(NULL, out, 3);
    check(sendmsg(client, &sent, 0) == STREAM_SIZE, "sendmsg: TCP gathers three iovecs");

    struct iovec in[3] = { { g_received, 1 }, { g_received + 1, 9999 }, { g_received + 10000, STREAM_SIZE - 10000 } };
    struct sockaddr_in peer;
    struct msghdr got = message(&peer, in, 3);
    check(recvmsg(server, &got, MSG_WAITALL) == STREAM_SIZE && memcmp(g_received, g_stream, STREAM_SIZE) == 0,
        "recvmsg: TCP scatters over three iovecs (MSG_WAITALL)");
    check(got.msg_namelen == sizeof(peer) && peer.sin_addr.s_addr == htonl(INADDR_LOOPBACK),
        "recvmsg: msg_name is the TCP peer");
    close(client);
    got = message(NULL, in, 3);
    check(recvmsg(server, &got, 0) == 0, "recvmsg: 0 at the end of the stream");
    close(server);
}

void message_checks(void)
{
    udp_messages();
    tcp_messages();
}

static int set_linger(int fd, int on, int seconds)
{
    struct linger value = { on, seconds };
    return setsockopt(fd, SOL_SOCKET, SO_LINGER, &value, sizeof(value));
}

void linger_checks(void)
{
    int client, server;
    if (connected_pair(LINGER_PORT, &client, &server) < 0) {
        check(0, "SO_LINGER: TCP connection");
        return;
    }
    struct linger value = { -1, -1 };
    socklen_t length = sizeof(value);
    check(getsockopt(client, SOL_SOCKET, SO_LINGER, &value, &length) == 0 && length == sizeof(value)
            && value.l_onoff == 0,
        "SO_LINGER: off by default");
    check(set_linger(client, 1, -1) == -1 && errno == EINVAL, "SO_LINGER: a negative l_linger is EINVAL");
    check(set_linger(client, 1, 0) == 0, "SO_LINGER: set l_onoff 1, l_linger 0");
    length = sizeof(value);
    check(getsockopt(client, SOL_SOCKET, SO_LINGER, &value, &length) == 0 && value.l_onoff == 1 && value.l_linger == 0,
        "SO_LINGER: getsockopt returns it");
    close(client);
    char byte;
    check(readable_within(server, 5000) && recv(server, &byte, 1, 0) == -1 && errno == ECONNRESET,
        "SO_LINGER: close with l_linger 0 resets; the peer sees ECONNRESET");
    close(server);

    /* l_linger 2 with everything acknowledged: close returns at once. */
    if (connected_pair(LINGER_PORT, &client, &server) < 0) {
        check(0, "SO_LINGER: second TCP connection");
        return;
    }
    set_linger(client, 1, 2);
    send(client, "bye", 3, 0);
    char buffer[4];
    check(recv(server, buffer, 3, MSG_WAITALL) == 3, "SO_LINGER: the peer reads before the close");
    double start = util_monotonic_seconds();
    close(client);
    check(util_monotonic_seconds() - start < 1.5, "SO_LINGER: close with nothing unacknowledged does not wait");
    check(recv(server, buffer, sizeof(buffer), 0) == 0, "SO_LINGER: then the peer sees the end of the stream");
    close(server);

    /* l_linger 1 and a peer that does not read: close waits about 1 s, then
       the connection closes in the background; the peer still gets it all. */
    if (connected_pair(LINGER_PORT, &client, &server) < 0) {
        check(0, "SO_LINGER: third TCP connection");
        return;
    }
    fcntl(client, F_SETFL, O_NONBLOCK);
    long queued = 0;
    for (;;) {
        ssize_t n = send(client, g_stream, sizeof(g_stream), 0);
        if (n <= 0)
            break;
        queued += n;
    }
    set_linger(client, 1, 1);
    start = util_monotonic_seconds();
    close(client);
    double waited = util_monotonic_seconds() - start;
    check(waited >= 0.8 && waited < 4.0, "SO_LINGER: close waits l_linger seconds for unacknowledged data");
    long read_back = 0;
    for (;;) {
        ssize_t n = recv(server, g_received, sizeof(g_received), 0);
        if (n <= 0)
            break;
        read_back += n;
    }
    check(queued > 0 && read_back == queued, "SO_LINGER: after the wait the data still arrives");
    close(server);
}
