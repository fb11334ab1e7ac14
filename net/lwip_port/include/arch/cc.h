/* lwIP's compiler and platform definitions for Unum (x86-64, GCC, freestanding):
   types come from stdint.h/stddef.h only, byte order is little-endian, and
   diagnostics, assertions and random numbers go to the kernel (freestanding/
   lwip_platform.cpp). No other libc header is needed. */
#ifndef UNUM_LWIP_ARCH_CC_H
#define UNUM_LWIP_ARCH_CC_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Printf formats for lwIP's types, instead of <inttypes.h>. */
#define LWIP_NO_INTTYPES_H 1
#define X8_F "02x"
#define U16_F "hu"
#define S16_F "hd"
#define X16_F "hx"
#define U32_F "u"
#define S32_F "d"
#define X32_F "x"
#define SZT_F "zu"

/* No <limits.h>, <unistd.h> or <ctype.h>: lwIP then uses its own helpers. */
#define LWIP_NO_LIMITS_H 1
#define LWIP_NO_UNISTD_H 1
#define LWIP_NO_CTYPE_H 1
#ifndef SSIZE_MAX /* C++ files may have it from <atomic> via glibc limits */
#define SSIZE_MAX 0x7fffffffffffffffL
#endif
typedef long ssize_t;

#ifndef BYTE_ORDER
#define BYTE_ORDER LITTLE_ENDIAN
#endif
#define lwip_htons(x) ((u16_t)__builtin_bswap16((u16_t)(x)))
#define lwip_htonl(x) ((u32_t)__builtin_bswap32((u32_t)(x)))

#define PACK_STRUCT_STRUCT __attribute__((packed))

/* Diagnostics go to the kernel log at info level. */
void unum_lwip_diag(const char* format, ...) __attribute__((format(printf, 1, 2)));
#define LWIP_PLATFORM_DIAG(x) do { unum_lwip_diag x; } while (0)

/* A failed lwIP assertion is a broken invariant inside the stack: it logs the
   message and location and panics rather than run on with corrupt state. */
void unum_lwip_assert_failed(const char* message, const char* file, int line) __attribute__((noreturn));
#define LWIP_PLATFORM_ASSERT(x) unum_lwip_assert_failed((x), __FILE__, __LINE__)

/* Random numbers (TCP initial sequence numbers, ports, DHCP xid). */
uint32_t unum_lwip_rand(void);
#define LWIP_RAND() unum_lwip_rand()

/* Checks that the caller holds the core lock (or is lwIP starting up). */
void unum_lwip_assert_core_locked(void);

#ifdef __cplusplus
}
#endif

#endif /* UNUM_LWIP_ARCH_CC_H */
