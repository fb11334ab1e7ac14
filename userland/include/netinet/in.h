/* IPv4 addresses and ports (kernel/abi/unum_socket.h), network byte order. */
#ifndef _NETINET_IN_H
#define _NETINET_IN_H

#include <stdint.h>
#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef uint16_t in_port_t;
typedef uint32_t in_addr_t;

struct in_addr {
    in_addr_t s_addr;
};

struct sockaddr_in {
    sa_family_t sin_family;
    in_port_t sin_port;
    struct in_addr sin_addr;
    unsigned char sin_zero[8];
};

#define IPPROTO_IP UNUM_IPPROTO_IP
#define IPPROTO_ICMP UNUM_IPPROTO_ICMP
#define IPPROTO_TCP UNUM_IPPROTO_TCP
#define IPPROTO_UDP UNUM_IPPROTO_UDP

#define INADDR_ANY ((in_addr_t)UNUM_INADDR_ANY)
#define INADDR_BROADCAST ((in_addr_t)UNUM_INADDR_BROADCAST)
#define INADDR_LOOPBACK ((in_addr_t)0x7f000001) /* host order, as in BSD */
#define INADDR_NONE ((in_addr_t)0xffffffff)
#define INET_ADDRSTRLEN 16

uint32_t htonl(uint32_t value);
uint16_t htons(uint16_t value);
uint32_t ntohl(uint32_t value);
uint16_t ntohs(uint16_t value);

#ifdef __cplusplus
}
#endif

#endif
