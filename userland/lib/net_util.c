/* Helpers the network programs share (ping, nc, iperf, ifconfig, netstat): name
   to address, the monotonic clock in seconds, and the key=value lines of
   /proc/net/. */
#include <netdb.h>
#include <stddef.h>
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

void util_parse_key_values(char* line, util_key_value_visitor visit, void* ctx)
{
    char* cursor = line;
    while (*cursor) {
        cursor += strspn(cursor, " \t\n");
        if (!*cursor)
            break;
        char* token = cursor;
        cursor += strcspn(cursor, " \t\n");
        if (*cursor)
            *cursor++ = '\0';
        char* equals = strchr(token, '=');
        if (!equals)
            continue;
        *equals = '\0';
        visit(token, equals + 1, ctx);
    }
}

struct interface_field {
    const char* key;
    size_t offset;
};

#define INTERFACE_FIELD(name) { #name, offsetof(struct util_interface, name) }
static const struct interface_field g_interface_fields[] = {
    INTERFACE_FIELD(name), INTERFACE_FIELD(mac), INTERFACE_FIELD(inet), INTERFACE_FIELD(netmask),
    INTERFACE_FIELD(link), INTERFACE_FIELD(mtu), INTERFACE_FIELD(rx_packets), INTERFACE_FIELD(rx_bytes),
    INTERFACE_FIELD(rx_errors), INTERFACE_FIELD(rx_dropped), INTERFACE_FIELD(tx_packets),
    INTERFACE_FIELD(tx_bytes), INTERFACE_FIELD(tx_errors), INTERFACE_FIELD(tx_dropped),
};
#define INTERFACE_FIELD_COUNT (sizeof(g_interface_fields) / sizeof(g_interface_fields[0]))

static void set_interface_field(const char* key, const char* value, void* ctx)
{
    for (size_t i = 0; i < INTERFACE_FIELD_COUNT; ++i) {
        if (strcmp(key, g_interface_fields[i].key) == 0) {
            char* slot = (char*)ctx + g_interface_fields[i].offset;
            strncpy(slot, value, UTIL_INTERFACE_FIELD - 1);
            slot[UTIL_INTERFACE_FIELD - 1] = '\0';
        }
    }
}

void util_parse_interface(char* line, struct util_interface* out)
{
    for (size_t i = 0; i < INTERFACE_FIELD_COUNT; ++i)
        strcpy((char*)out + g_interface_fields[i].offset, "0");
    util_parse_key_values(line, set_interface_field, out);
}

int util_interface_is_loopback(const struct util_interface* interface)
{
    return strcmp(interface->name, "lo") == 0 || strncmp(interface->inet, "127.", 4) == 0;
}
