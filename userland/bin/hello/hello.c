/* hello: the first user program. Prints a greeting, then checks that newlib's
   printf (floats, long long, size_t), malloc/free and strtol work; ends with
   "hello: ok" or says what failed. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int g_failures;

static void check(int ok, const char* what)
{
    if (!ok) {
        printf("hello: FAIL %s\n", what);
        g_failures++;
    }
}

static void check_printf(void)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.3f", 3.14159);
    check(strcmp(buf, "3.142") == 0, "printf %.3f");
    printf("pi is about %s\n", buf);
    snprintf(buf, sizeof buf, "%lld %zu %x", -1234567890123LL, (size_t)42, 0xbeefu);
    check(strcmp(buf, "-1234567890123 42 beef") == 0, "printf %lld %zu %x");
    snprintf(buf, sizeof buf, "%e", 1e-10);
    check(strcmp(buf, "1.000000e-10") == 0, "printf %e");
}

/* Many sizes, interleaved frees, and a pattern check on every block. */
static void check_malloc(void)
{
    enum { N = 200 };
    static unsigned char* blocks[N];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < N; i++) {
            size_t size = 1 + (size_t)i * 37 * (round + 1) + (i % 7 == 0 ? 70000 : 0);
            blocks[i] = malloc(size);
            check(blocks[i] != NULL, "malloc");
            if (!blocks[i])
                return;
            memset(blocks[i], i & 0xff, size);
            blocks[i][size - 1] = (unsigned char)(i ^ 0x5a);
        }
        for (int i = 0; i < N; i += 2) {
            free(blocks[i]);
            blocks[i] = NULL;
        }
        for (int i = 1; i < N; i += 2) {
            size_t size = 1 + (size_t)i * 37 * (round + 1) + (i % 7 == 0 ? 70000 : 0);
            check(blocks[i][0] == (i & 0xff) && blocks[i][size - 1] == (unsigned char)(i ^ 0x5a),
                  "malloc block intact");
            free(blocks[i]);
        }
    }
    char* big = malloc(4 << 20);
    check(big != NULL, "malloc 4 MiB");
    if (big) {
        big[0] = 1;
        big[(4 << 20) - 1] = 2;
        free(big);
    }
}

static void check_strtol(void)
{
    char* end;
    check(strtol("12345", NULL, 10) == 12345, "strtol decimal");
    check(strtol("-0x7f", NULL, 16) == -127, "strtol hex");
    check(strtol("0755", NULL, 0) == 0755, "strtol octal");
    check(strtol("42abc", &end, 10) == 42 && strcmp(end, "abc") == 0, "strtol end");
    errno = 0;
    strtol("99999999999999999999", NULL, 10);
    check(errno == ERANGE, "strtol ERANGE");
    check(strtoll("-9223372036854775807", NULL, 10) == -INT64_MAX, "strtoll");
}

int main(void)
{
    printf("hello from user mode\n");
    check_printf();
    check_malloc();
    check_strtol();
    if (g_failures) {
        printf("hello: %d failures\n", g_failures);
        return 1;
    }
    printf("hello: ok\n");
    return 0;
}
