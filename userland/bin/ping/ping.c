/* ping: ICMP echo over a raw socket (SOCK_RAW, IPPROTO_ICMP). Each reply is a
   whole IP packet, as on BSD: the TTL comes from its header. Prints one line
   per reply and a summary; exit 0 if any reply came, 1 if none, 2 on usage.
   A late reply to an earlier request still counts (the first one waits for ARP;
   a loaded network delays any); after the last request ping lingers up to
   LINGER_SECONDS for the replies still missing. */
#include <errno.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include "util.h"

#define ECHO_REPLY 0
#define ECHO_REQUEST 8
#define PAYLOAD 56
#define HEADER 8
#define LINGER_SECONDS 10.0
/* Requests remembered for late replies (sequence numbers modulo this). */
#define WINDOW 1024

static double g_sent_at[WINDOW];
static unsigned char g_answered[WINDOW];

static volatile sig_atomic_t g_interrupted;

static void on_interrupt(int signal) { (void)signal; g_interrupted = 1; }

static uint16_t checksum(const uint8_t* bytes, size_t length)
{
    uint32_t sum = 0;
    for (size_t i = 0; i + 1 < length; i += 2)
        sum += (uint32_t)(bytes[i] << 8 | bytes[i + 1]);
    if (length & 1)
        sum += (uint32_t)bytes[length - 1] << 8;
    while (sum >> 16)
        sum = (sum & 0xffff) + (sum >> 16);
    return (uint16_t)~sum;
}

static void build_request(uint8_t* packet, uint16_t id, uint16_t sequence)
{
    memset(packet, 0, HEADER + PAYLOAD);
    packet[0] = ECHO_REQUEST;
    packet[4] = (uint8_t)(id >> 8);
    packet[5] = (uint8_t)id;
    packet[6] = (uint8_t)(sequence >> 8);
    packet[7] = (uint8_t)sequence;
    for (int i = 0; i < PAYLOAD; ++i)
        packet[HEADER + i] = (uint8_t)i;
    uint16_t sum = checksum(packet, HEADER + PAYLOAD);
    packet[2] = (uint8_t)(sum >> 8);
    packet[3] = (uint8_t)sum;
}

/* An echo reply to us: its TTL and sequence number, else -1. */
static int match_reply(const uint8_t* packet, ssize_t length, uint16_t id, uint16_t* sequence, size_t* icmp_length)
{
    if (length < 20)
        return -1;
    size_t header = (size_t)(packet[0] & 0x0f) * 4;
    if (header < 20 || (size_t)length < header + HEADER || packet[9] != IPPROTO_ICMP)
        return -1;
    const uint8_t* icmp = packet + header;
    if (icmp[0] != ECHO_REPLY || (icmp[4] << 8 | icmp[5]) != id)
        return -1;
    *sequence = (uint16_t)(icmp[6] << 8 | icmp[7]);
    *icmp_length = (size_t)length - header;
    return packet[8];
}

static void usage(void)
{
    fprintf(stderr, "usage: ping [-c COUNT] [-i SECONDS] HOST\n");
    exit(2);
}

int main(int argc, char** argv)
{
    long count = -1;
    double interval = 1.0;
    int c;
    while ((c = getopt(argc, argv, "c:i:")) != -1) {
        if (c == 'c') {
            count = strtol(optarg, NULL, 10);
            if (count <= 0)
                usage();
        } else if (c == 'i') {
            interval = strtod(optarg, NULL);
            if (interval < 0.01)
                usage();
        } else {
            usage();
        }
    }
    if (optind + 1 != argc)
        usage();
    const char* host = argv[optind];
    struct sockaddr_in target;
    if (util_inet_address(host, 0, &target) < 0) {
        fprintf(stderr, "ping: unknown host %s\n", host);
        return 2;
    }
    int fd = socket(AF_INET, SOCK_RAW, IPPROTO_ICMP);
    if (fd < 0) {
        util_warn("ping", "socket");
        return 2;
    }
    signal(SIGINT, on_interrupt);
    uint16_t id = (uint16_t)getpid();
    printf("PING %s (%s) %d(%d) bytes of data.\n", host, inet_ntoa(target.sin_addr), PAYLOAD, PAYLOAD + HEADER + 20);
    fflush(stdout);

    long transmitted = 0, received = 0;
    double rtt_min = 0, rtt_max = 0, rtt_sum = 0;
    for (uint16_t sequence = 1; !g_interrupted && (count < 0 || transmitted < count); ++sequence) {
        uint8_t request[HEADER + PAYLOAD];
        build_request(request, id, sequence);
        double sent_at = util_monotonic_seconds();
        if (sendto(fd, request, sizeof(request), 0, (struct sockaddr*)&target, sizeof(target)) < 0) {
            util_warn("ping", "sendto");
        }
        ++transmitted;
        g_sent_at[sequence % WINDOW] = sent_at;
        g_answered[sequence % WINDOW] = 0;
        /* Until the next request is due; after the last, until every reply is in. */
        int last = count > 0 && transmitted == count;
        double deadline = sent_at + (last ? LINGER_SECONDS : interval);
        for (;;) {
            double now = util_monotonic_seconds();
            if (g_interrupted || now >= deadline || (last && received == transmitted))
                break;
            struct pollfd poll_fd = { fd, POLLIN, 0 };
            int ready = poll(&poll_fd, 1, (int)((deadline - now) * 1000) + 1);
            if (ready <= 0)
                continue;
            uint8_t reply[1600];
            ssize_t n = recv(fd, reply, sizeof(reply), 0);
            size_t icmp_length;
            uint16_t answered;
            int ttl = match_reply(reply, n, id, &answered, &icmp_length);
            /* Only requests still remembered, each counted once. */
            uint16_t age = (uint16_t)(sequence - answered);
            if (ttl < 0 || age >= WINDOW || (long)age >= transmitted || g_answered[answered % WINDOW])
                continue;
            g_answered[answered % WINDOW] = 1;
            double rtt = (util_monotonic_seconds() - g_sent_at[answered % WINDOW]) * 1000.0;
            printf("%lu bytes from %s: icmp_seq=%u ttl=%d time=%.3f ms\n", (unsigned long)icmp_length, inet_ntoa(target.sin_addr),
                answered, ttl, rtt);
            fflush(stdout);
            if (received == 0 || rtt < rtt_min)
                rtt_min = rtt;
            if (rtt > rtt_max)
                rtt_max = rtt;
            rtt_sum += rtt;
            ++received;
        }
    }
    printf("\n--- %s ping statistics ---\n", host);
    long lost = transmitted - received;
    printf("%ld packets transmitted, %ld received, %ld%% packet loss\n", transmitted, received,
        transmitted ? lost * 100 / transmitted : 0);
    if (received)
        printf("rtt min/avg/max = %.3f/%.3f/%.3f ms\n", rtt_min, rtt_sum / (double)received, rtt_max);
    close(fd);
    return received ? 0 : 1;
}
