/* netstat: the network counters. `netstat -s` prints, for each protocol line
   of /proc/net/stats, its non-zero counters in words: what was sent and
   received, and why anything was dropped. `netstat -i` prints the interface
   table of /proc/net/interfaces in net-tools' layout. Both files hold key=value
   lines, parsed by userland/lib/net_util.c as for ifconfig. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* The counters of a /proc/net/stats line, in its order, with their words. */
static const struct {
    const char* key;
    const char* words;
} g_counters[] = {
    { "xmit", "packets sent" },
    { "recv", "packets received" },
    { "fw", "packets forwarded" },
    { "drop", "packets dropped" },
    { "chkerr", "packets with a bad checksum" },
    { "lenerr", "packets with a bad length" },
    { "memerr", "packets without memory for them" },
    { "rterr", "packets without a route" },
    { "proterr", "protocol errors" },
    { "opterr", "packets with bad options" },
    { "err", "other errors" },
};
#define COUNTER_COUNT (sizeof(g_counters) / sizeof(g_counters[0]))

struct protocol {
    char name[16];
    unsigned long long values[COUNTER_COUNT];
};

static void set_protocol_field(const char* key, const char* value, void* ctx)
{
    struct protocol* protocol = ctx;
    if (strcmp(key, "proto") == 0) {
        strncpy(protocol->name, value, sizeof(protocol->name) - 1);
        protocol->name[sizeof(protocol->name) - 1] = '\0';
        return;
    }
    for (size_t i = 0; i < COUNTER_COUNT; ++i) {
        if (strcmp(key, g_counters[i].key) == 0)
            protocol->values[i] = strtoull(value, NULL, 10);
    }
}

static void print_protocol(const struct protocol* protocol)
{
    /* "Ip:", "Tcp:", ... as net-tools heads its sections. */
    printf("%c%s:\n", toupper((unsigned char)protocol->name[0]), protocol->name[0] ? protocol->name + 1 : "");
    int printed = 0;
    for (size_t i = 0; i < COUNTER_COUNT; ++i) {
        if (protocol->values[i] == 0)
            continue;
        printf("    %llu %s\n", protocol->values[i], g_counters[i].words);
        printed = 1;
    }
    if (!printed)
        printf("    nothing counted\n");
}

static int show_statistics(void)
{
    FILE* file = fopen("/proc/net/stats", "r");
    if (!file) {
        util_warn("netstat", "/proc/net/stats");
        return 1;
    }
    char line[512];
    while (fgets(line, sizeof(line), file)) {
        struct protocol protocol;
        memset(&protocol, 0, sizeof(protocol));
        util_parse_key_values(line, set_protocol_field, &protocol);
        if (protocol.name[0])
            print_protocol(&protocol);
    }
    fclose(file);
    return 0;
}

#define TABLE_ROW "%-8s %5s %8s %6s %6s %6s %8s %6s %6s %6s %s\n"

static int show_interfaces(void)
{
    FILE* file = fopen("/proc/net/interfaces", "r");
    if (!file) {
        util_warn("netstat", "/proc/net/interfaces");
        return 1;
    }
    printf("Kernel Interface table\n");
    printf(TABLE_ROW, "Iface", "MTU", "RX-OK", "RX-ERR", "RX-DRP", "RX-OVR", "TX-OK", "TX-ERR", "TX-DRP", "TX-OVR",
        "Flg");
    char line[1024];
    while (fgets(line, sizeof(line), file)) {
        struct util_interface i;
        util_parse_interface(line, &i);
        int up = strcmp(i.link, "up") == 0;
        /* net-tools' letters: B broadcast, L loopback, R running, U up. */
        char flags[8] = "";
        strcat(flags, util_interface_is_loopback(&i) ? "L" : "B");
        if (up)
            strcat(flags, "RU");
        printf(TABLE_ROW, i.name, i.mtu, i.rx_packets, i.rx_errors, i.rx_dropped, "0", i.tx_packets, i.tx_errors,
            i.tx_dropped, "0", flags);
    }
    fclose(file);
    return 0;
}

int main(int argc, char** argv)
{
    if (argc == 2 && strcmp(argv[1], "-s") == 0)
        return show_statistics();
    if (argc == 2 && strcmp(argv[1], "-i") == 0)
        return show_interfaces();
    fprintf(stderr, "usage: netstat -s | -i\n"
                    "  -s  protocol counters (/proc/net/stats)\n"
                    "  -i  interface table (/proc/net/interfaces)\n");
    return 2;
}
