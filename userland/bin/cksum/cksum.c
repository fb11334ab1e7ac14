/* cksum [FILE...]: the POSIX checksum (CRC-32, polynomial 0x04C11DB7, most
   significant bit first, over the data and then its length in as few bytes as it
   takes, least significant first; the result complemented), the byte count and
   the name. Matches POSIX/GNU cksum bit for bit. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

static uint32_t g_table[256];

static void make_table(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t crc = i << 24;
        for (int bit = 0; bit < 8; bit++)
            crc = (crc & 0x80000000u) ? (crc << 1) ^ 0x04C11DB7u : crc << 1;
        g_table[i] = crc;
    }
}

static uint32_t crc_byte(uint32_t crc, unsigned char b)
{
    return (crc << 8) ^ g_table[(crc >> 24) ^ b];
}

static int cksum_fd(int fd, const char* name, const char* shown)
{
    static unsigned char buf[16384];
    uint32_t crc = 0;
    unsigned long long length = 0;
    for (;;) {
        ssize_t n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            util_warn("cksum", name);
            return -1;
        }
        if (n == 0)
            break;
        for (ssize_t i = 0; i < n; i++)
            crc = crc_byte(crc, buf[i]);
        length += (unsigned long long)n;
    }
    for (unsigned long long len = length; len; len >>= 8)
        crc = crc_byte(crc, (unsigned char)(len & 0xff));
    crc = ~crc;
    if (shown)
        printf("%lu %llu %s\n", (unsigned long)crc, length, shown);
    else
        printf("%lu %llu\n", (unsigned long)crc, length);
    return 0;
}

int main(int argc, char** argv)
{
    make_table();
    if (argc < 2)
        return cksum_fd(STDIN_FILENO, "stdin", NULL) < 0;
    int status = 0;
    for (int i = 1; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? STDIN_FILENO : open(argv[i], O_RDONLY);
        if (fd < 0) {
            util_warn("cksum", argv[i]);
            status = 1;
            continue;
        }
        status |= cksum_fd(fd, argv[i], argv[i]) < 0;
        if (fd != STDIN_FILENO)
            close(fd);
    }
    return status | (fflush(stdout) != 0);
}
