/* Dotted-quad conversions for IPv4 (AF_INET only). */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>

#ifdef __cplusplus
extern "C" {
#endif

/* "a.b.c.d" (each part 0-255, exactly four) -> 1 and *out; 0 when malformed. */
int inet_aton(const char* text, struct in_addr* out);
in_addr_t inet_addr(const char* text); /* INADDR_NONE when malformed */
/* A static buffer, overwritten by the next call. */
char* inet_ntoa(struct in_addr address);
/* AF_INET only: 1 on success, 0 when malformed, -1 (EAFNOSUPPORT) otherwise. */
int inet_pton(int family, const char* text, void* out);
/* NULL with ENOSPC when size is too small, EAFNOSUPPORT for other families. */
const char* inet_ntop(int family, const void* address, char* out, socklen_t size);

#ifdef __cplusplus
}
#endif

#endif
