/* dd [if=FILE] [of=FILE] [bs=N] [count=N] [skip=N] [seek=N]: copy in blocks of
   bs bytes (512; k, M and G suffixes); count limits the input blocks, skip and
   seek move over input and output blocks first. At the end it reports on stderr
   `F+P records in`, `F+P records out` (full and partial blocks) and the bytes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* A size with an optional k/M/G (or K) suffix; -1 if malformed. */
static int parse_size(const char* s, unsigned long long* out)
{
    if (*s < '0' || *s > '9')
        return -1;
    char* end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return -1;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': v <<= 10; end++; break;
    case 'M': v <<= 20; end++; break;
    case 'G': v <<= 30; end++; break;
    default: return -1;
    }
    if (*end)
        return -1;
    *out = v;
    return 0;
}

/* Reads until the block is full or the input ends (pipes hand out less). */
static ssize_t read_block(int fd, char* buf, size_t len)
{
    size_t got = 0;
    while (got < len) {
        ssize_t n = read(fd, buf + got, len - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return got ? (ssize_t)got : -1;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    return (ssize_t)got;
}

int main(int argc, char** argv)
{
    const char *in_path = NULL, *out_path = NULL;
    unsigned long long bs = 512, count = ~0ull, skip = 0, seek = 0;
    for (int i = 1; i < argc; i++) {
        char* eq = strchr(argv[i], '=');
        const char* v = eq ? eq + 1 : "";
        size_t klen = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);
        int bad = 0;
        if (klen == 2 && strncmp(argv[i], "if", 2) == 0)
            in_path = v;
        else if (klen == 2 && strncmp(argv[i], "of", 2) == 0)
            out_path = v;
        else if (klen == 2 && strncmp(argv[i], "bs", 2) == 0)
            bad = parse_size(v, &bs) < 0 || bs == 0 || bs > (64ull << 20);
        else if (klen == 5 && strncmp(argv[i], "count", 5) == 0)
            bad = parse_size(v, &count) < 0;
        else if (klen == 4 && strncmp(argv[i], "skip", 4) == 0)
            bad = parse_size(v, &skip) < 0;
        else if (klen == 4 && strncmp(argv[i], "seek", 4) == 0)
            bad = parse_size(v, &seek) < 0;
        else
            bad = 1;
        if (bad || !eq) {
            fprintf(stderr, "dd: bad operand '%s'\n"
                            "usage: dd [if=FILE] [of=FILE] [bs=N] [count=N] [skip=N] [seek=N]\n", argv[i]);
            return 2;
        }
    }
    int in = STDIN_FILENO, out = STDOUT_FILENO;
    if (in_path && (in = open(in_path, O_RDONLY)) < 0) {
        util_warn("dd", in_path);
        return 1;
    }
    /* With seek, the blocks before it are kept, as dd always has. */
    if (out_path && (out = open(out_path, O_WRONLY | O_CREAT | (seek ? 0 : O_TRUNC), 0666)) < 0) {
        util_warn("dd", out_path);
        return 1;
    }
    char* buf = malloc(bs);
    if (!buf) {
        fprintf(stderr, "dd: cannot allocate a %llu-byte block\n", bs);
        return 1;
    }
    if (skip && lseek(in, (off_t)(skip * bs), SEEK_CUR) < 0) {
        /* Not seekable (a pipe or terminal): read the blocks and drop them. */
        for (unsigned long long k = 0; k < skip; k++) {
            if (read_block(in, buf, bs) <= 0)
                break;
        }
    }
    if (seek && lseek(out, (off_t)(seek * bs), SEEK_CUR) < 0) {
        util_warn("dd", out_path ? out_path : "stdout");
        return 1;
    }

    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    unsigned long long full_in = 0, part_in = 0, full_out = 0, part_out = 0, bytes = 0;
    int status = 0;
    while (full_in + part_in < count) {
        ssize_t n = read_block(in, buf, bs);
        if (n < 0) {
            util_warn("dd", in_path ? in_path : "stdin");
            status = 1;
            break;
        }
        if (n == 0)
            break;
        (size_t)n == bs ? full_in++ : part_in++;
        if (util_write_all(out, buf, (size_t)n) < 0) {
            util_warn("dd", out_path ? out_path : "stdout");
            status = 1;
            break;
        }
        (size_t)n == bs ? full_out++ : part_out++;
        bytes += (unsigned long long)n;
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    if (out_path && close(out) < 0) {
        util_warn("dd", out_path);
        status = 1;
    }
    double secs = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n", full_in, part_in, full_out, part_out);
    fprintf(stderr, "%llu bytes copied, %.3f s", bytes, secs);
    if (secs > 0)
        fprintf(stderr, ", %.1f kB/s", (double)bytes / secs / 1000.0);
    fputc('\n', stderr);
    free(buf);
    return status;
}
