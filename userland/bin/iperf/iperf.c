/* iperf: an iperf2-compatible TCP throughput test. `iperf -s` accepts
   connections one after another and reports, for each, the bytes received and
   the bandwidth when the client closes (a real iperf2 client's default test
   works against it: its first 24 bytes, the iperf2 client header, are data
   here, as iperf2 treats them without -r/-d). `iperf -c HOST` sends for -t
   seconds, starting with an all-zero client header (no options), and prints
   the same report. */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util.h"

#define DEFAULT_PORT 5001
#define BUFFER_SIZE (128 * 1024) /* iperf2's default TCP length */
#define CLIENT_HEADER_SIZE 24    /* flags, threads, port, length, window/band, amount */

static char g_buffer[BUFFER_SIZE];

static void usage(void)
{
    fprintf(stderr, "usage: iperf -s [-p PORT]\n       iperf -c HOST [-t SECONDS] [-p PORT] [-l LENGTH]\n");
    exit(2);
}

static void print_rule(void) { printf("------------------------------------------------------------\n"); }

/* iperf's adaptive units: sizes in powers of 1024, rates in powers of 1000. */
static void format_value(char* out, size_t size, double value, double base, const char* const units[4])
{
    int unit = 0;
    while (unit < 3 && value >= base) {
        value /= base;
        ++unit;
    }
    const char* format = value < 9.995 ? "%4.2f %s" : value < 99.95 ? "%4.1f %s" : "%4.0f %s";
    snprintf(out, size, format, value, units[unit]);
}

static void report(int id, double seconds, double bytes)
{
    static const char* const size_units[4] = { "Bytes", "KBytes", "MBytes", "GBytes" };
    static const char* const rate_units[4] = { "bits/sec", "Kbits/sec", "Mbits/sec", "Gbits/sec" };
    char transfer[32], bandwidth[32];
    format_value(transfer, sizeof(transfer), bytes, 1024.0, size_units);
    format_value(bandwidth, sizeof(bandwidth), seconds > 0 ? bytes * 8.0 / seconds : 0.0, 1000.0, rate_units);
    printf("[ ID] Interval       Transfer     Bandwidth\n");
    printf("[%3d]  0.0-%4.1f sec  %s  %s\n", id, seconds, transfer, bandwidth);
    fflush(stdout);
}

/* iperf2's "TCP window size" line: the receive buffer (SO_RCVBUF) on the
   server, the send buffer (SO_SNDBUF) on the client. Unum's TCP buffers a
   fixed window (lwIP's TCP_WND) and says so through these options. */
static void print_window(int fd, int option)
{
    int size = 0;
    socklen_t length = sizeof(size);
    if (getsockopt(fd, SOL_SOCKET, option, &size, &length) < 0 || size <= 0)
        return;
    printf("TCP window size: %.1f KByte (default)\n", size / 1024.0);
}

static void print_connection(int id, int fd)
{
    struct sockaddr_in local, peer;
    socklen_t length = sizeof(local);
    getsockname(fd, (struct sockaddr*)&local, &length);
    length = sizeof(peer);
    getpeername(fd, (struct sockaddr*)&peer, &length);
    char local_text[INET_ADDRSTRLEN], peer_text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &local.sin_addr, local_text, sizeof(local_text));
    inet_ntop(AF_INET, &peer.sin_addr, peer_text, sizeof(peer_text));
    printf("[%3d] local %s port %u connected with %s port %u\n", id, local_text, ntohs(local.sin_port), peer_text,
        ntohs(peer.sin_port));
    fflush(stdout);
}

static int server(unsigned port)
{
    int listener = socket(AF_INET, SOCK_STREAM, 0);
    if (listener < 0) {
        util_warn("iperf", "socket");
        return 1;
    }
    int on = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
    struct sockaddr_in address;
    memset(&address, 0, sizeof(address));
    address.sin_family = AF_INET;
    address.sin_port = htons((uint16_t)port);
    if (bind(listener, (struct sockaddr*)&address, sizeof(address)) < 0 || listen(listener, 5) < 0) {
        util_warn("iperf", "bind");
        return 1;
    }
    print_rule();
    printf("Server listening on TCP port %u\n", port);
    print_window(listener, SO_RCVBUF);
    print_rule();
    fflush(stdout);
    for (int id = 4;; ++id) {
        int fd = accept(listener, NULL, NULL);
        if (fd < 0) {
            if (errno == EINTR)
                continue;
            util_warn("iperf", "accept");
            return 1;
        }
        print_connection(id, fd);
        double start = util_monotonic_seconds();
        double bytes = 0;
        for (;;) {
            ssize_t n = read(fd, g_buffer, sizeof(g_buffer));
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                break;
            bytes += (double)n;
        }
        report(id, util_monotonic_seconds() - start, bytes);
        close(fd);
    }
}

static int client(const char* host, unsigned port, double seconds, size_t length)
{
    struct sockaddr_in address;
    if (util_inet_address(host, port, &address) < 0) {
        fprintf(stderr, "iperf: unknown host %s\n", host);
        return 1;
    }
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        util_warn("iperf", "socket");
        return 1;
    }
    print_rule();
    printf("Client connecting to %s, TCP port %u\n", host, port);
    print_window(fd, SO_SNDBUF);
    print_rule();
    fflush(stdout);
    if (connect(fd, (struct sockaddr*)&address, sizeof(address)) < 0) {
        fprintf(stderr, "iperf: connect failed: %s\n", strerror(errno));
        return 1;
    }
    print_connection(3, fd);
    for (size_t i = 0; i < length; ++i)
        g_buffer[i] = (char)('0' + i % 10);
    memset(g_buffer, 0, CLIENT_HEADER_SIZE < length ? CLIENT_HEADER_SIZE : length);
    double start = util_monotonic_seconds();
    double bytes = 0;
    int first = 1;
    while (util_monotonic_seconds() - start < seconds) {
        ssize_t n = write(fd, g_buffer, length);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            util_warn("iperf", "write");
            break;
        }
        bytes += (double)n;
        if (first) {
            /* Only the first buffer carries the header; later ones are pattern. */
            for (size_t i = 0; i < CLIENT_HEADER_SIZE && i < length; ++i)
                g_buffer[i] = (char)('0' + i % 10);
            first = 0;
        }
    }
    close(fd);
    report(3, util_monotonic_seconds() - start, bytes);
    return 0;
}

int main(int argc, char** argv)
{
    int serve = 0;
    const char* host = NULL;
    unsigned long port = DEFAULT_PORT, length = BUFFER_SIZE;
    double seconds = 10.0;
    int c;
    while ((c = getopt(argc, argv, "sc:p:t:l:")) != -1) {
        switch (c) {
        case 's': serve = 1; break;
        case 'c': host = optarg; break;
        case 'p':
            if (util_parse_ulong(optarg, &port) < 0 || port == 0 || port > 65535)
                usage();
            break;
        case 't':
            seconds = strtod(optarg, NULL);
            if (seconds <= 0)
                usage();
            break;
        case 'l':
            if (util_parse_ulong(optarg, &length) < 0 || length == 0 || length > BUFFER_SIZE)
                usage();
            break;
        default: usage();
        }
    }
    if (optind != argc || serve == (host != NULL))
        usage();
    signal(SIGPIPE, SIG_IGN);
    return serve ? server((unsigned)port) : client(host, (unsigned)port, seconds, (size_t)length);
}
