/* ifconfig: the network interfaces from /proc/net/interfaces (one line per
   interface of key=value fields, parsed by userland/lib/net_util.c), in the
   familiar net-tools layout.
   `ifconfig NAME` shows one; an unknown NAME is an error (exit 1). */
#include <stdio.h>
#include <string.h>

#include "util.h"

/* The broadcast address: inet | ~netmask, from the dotted quads. */
static void broadcast_of(const struct util_interface* i, char* out, size_t size)
{
    unsigned a[4], m[4];
    if (sscanf(i->inet, "%u.%u.%u.%u", &a[0], &a[1], &a[2], &a[3]) != 4
        || sscanf(i->netmask, "%u.%u.%u.%u", &m[0], &m[1], &m[2], &m[3]) != 4) {
        snprintf(out, size, "0.0.0.0");
        return;
    }
    snprintf(out, size, "%u.%u.%u.%u", (a[0] | ~m[0]) & 255, (a[1] | ~m[1]) & 255, (a[2] | ~m[2]) & 255,
        (a[3] | ~m[3]) & 255);
}

static void print_interface(const struct util_interface* i)
{
    int up = strcmp(i->link, "up") == 0;
    int loopback = util_interface_is_loopback(i);
    /* The kernel's IFF_ bits: UP 0x1, BROADCAST 0x2, LOOPBACK 0x8, RUNNING 0x40. */
    unsigned flags = (up ? 0x1u | 0x40u : 0) | (loopback ? 0x8u : 0x2u);
    char names[64] = "";
    if (up)
        strcat(names, "UP,");
    strcat(names, loopback ? "LOOPBACK," : "BROADCAST,");
    if (up)
        strcat(names, "RUNNING,");
    names[strlen(names) - 1] = '\0';
    printf("%s: flags=%u<%s>  mtu %s\n", i->name, flags, names, i->mtu);
    if (strcmp(i->inet, "0") != 0 && strcmp(i->inet, "0.0.0.0") != 0) {
        if (loopback) {
            printf("        inet %s  netmask %s\n", i->inet, i->netmask);
        } else {
            char broadcast[20];
            broadcast_of(i, broadcast, sizeof(broadcast));
            printf("        inet %s  netmask %s  broadcast %s\n", i->inet, i->netmask, broadcast);
        }
    }
    if (loopback)
        printf("        loop  txqueuelen 1000  (Local Loopback)\n");
    else
        printf("        ether %s  txqueuelen 1000  (Ethernet)\n", i->mac);
    printf("        RX packets %s  bytes %s\n", i->rx_packets, i->rx_bytes);
    printf("        RX errors %s  dropped %s\n", i->rx_errors, i->rx_dropped);
    printf("        TX packets %s  bytes %s\n", i->tx_packets, i->tx_bytes);
    printf("        TX errors %s  dropped %s\n", i->tx_errors, i->tx_dropped);
    printf("\n");
}

int main(int argc, char** argv)
{
    if (argc > 2) {
        fprintf(stderr, "usage: ifconfig [INTERFACE]\n");
        return 2;
    }
    const char* wanted = argc == 2 ? argv[1] : NULL;
    FILE* file = fopen("/proc/net/interfaces", "r");
    if (!file) {
        util_warn("ifconfig", "/proc/net/interfaces");
        return 1;
    }
    char line[1024];
    int found = 0;
    while (fgets(line, sizeof(line), file)) {
        struct util_interface i;
        util_parse_interface(line, &i);
        if (wanted && strcmp(i.name, wanted) != 0)
            continue;
        print_interface(&i);
        found = 1;
    }
    fclose(file);
    if (wanted && !found) {
        fprintf(stderr, "ifconfig: %s: error fetching interface information: Device not found\n", wanted);
        return 1;
    }
    return 0;
}
