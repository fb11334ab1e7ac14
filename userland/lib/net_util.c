/* Helpers the network programs share (ping, nc, iperf): name to address, and
   the monotonic clock in seconds. */
#include <netdb.h>
#include <string.h>
#include <time.h>

#include "util.h"

int util_inet_address(const char* host, unsigned port, struct sockaddr_in* out)
{
    struct hostent* entry = gethostbyname(host);
    if (!entry)
        return -1;
    memset(out, 0, sizeof(*out));
    out->sin_family = AF_INET;
    out->sin_port = htons((uint16_t)port);
    memcpy(&out->sin_addr, entry->h_addr_list[0], sizeof(out->sin_addr));
    return 0;
}

double util_monotonic_seconds(void)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)now.tv_sec + (double)now.tv_nsec / 1e9;
}
