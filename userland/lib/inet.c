/* Byte order and IPv4 text conversions (<arpa/inet.h>, <netinet/in.h>). */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

uint32_t htonl(uint32_t value) { return __builtin_bswap32(value); }
uint16_t htons(uint16_t value) { return __builtin_bswap16(value); }
uint32_t ntohl(uint32_t value) { return __builtin_bswap32(value); }
uint16_t ntohs(uint16_t value) { return __builtin_bswap16(value); }

/* Strict dotted quad: four decimal parts 0-255, nothing else. */
int inet_aton(const char* text, struct in_addr* out)
{
    uint32_t value = 0;
    for (int part = 0; part < 4; ++part) {
        if (*text < '0' || *text > '9')
            return 0;
        unsigned number = 0;
        int digits = 0;
        while (*text >= '0' && *text <= '9') {
            number = number * 10 + (unsigned)(*text++ - '0');
            if (++digits > 3 || number > 255)
                return 0;
        }
        value = (value << 8) | number;
        if (part < 3 && *text++ != '.')
            return 0;
    }
    if (*text != '\0')
        return 0;
    if (out)
        out->s_addr = htonl(value);
    return 1;
}

in_addr_t inet_addr(const char* text)
{
    struct in_addr address;
    return inet_aton(text, &address) ? address.s_addr : INADDR_NONE;
}

const char* inet_ntop(int family, const void* address, char* out, socklen_t size)
{
    if (family != AF_INET) {
        errno = EAFNOSUPPORT;
        return NULL;
    }
    const unsigned char* b = address;
    char text[INET_ADDRSTRLEN];
    int length = snprintf(text, sizeof(text), "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    if (length < 0 || (socklen_t)length >= size) {
        errno = ENOSPC;
        return NULL;
    }
    memcpy(out, text, (size_t)length + 1);
    return out;
}

char* inet_ntoa(struct in_addr address)
{
    static char text[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &address, text, sizeof(text));
    return text;
}

int inet_pton(int family, const char* text, void* out)
{
    if (family != AF_INET) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    return inet_aton(text, out);
}
