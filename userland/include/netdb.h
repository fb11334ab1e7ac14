/* Name lookup for Unum: there is no DNS. A host name is a dotted quad, or
   "node<N>" (a cluster node, N in 1..254), which means 10.77.0.<N> — the
   address tools/cluster gives node N. "localhost" is 127.0.0.1. */
#ifndef _NETDB_H
#define _NETDB_H

#include <netinet/in.h>
#include <sys/socket.h>

#ifdef __cplusplus
extern "C" {
#endif

struct hostent {
    char* h_name;
    char** h_aliases;
    int h_addrtype;
    int h_length;
    char** h_addr_list;
};
#define h_addr h_addr_list[0]

struct addrinfo {
    int ai_flags;
    int ai_family;
    int ai_socktype;
    int ai_protocol;
    socklen_t ai_addrlen;
    struct sockaddr* ai_addr;
    char* ai_canonname;
    struct addrinfo* ai_next;
};

#define AI_PASSIVE 0x01
#define AI_CANONNAME 0x02
#define AI_NUMERICHOST 0x04
#define AI_NUMERICSERV 0x08

#define EAI_AGAIN 2
#define EAI_BADFLAGS 3
#define EAI_FAIL 4
#define EAI_FAMILY 5
#define EAI_MEMORY 6
#define EAI_NONAME 8
#define EAI_SERVICE 9
#define EAI_SOCKTYPE 10

#define HOST_NOT_FOUND 1
extern int h_errno;

/* A static result, overwritten by the next call; NULL (h_errno set) when the
   name is neither a dotted quad, "localhost", nor node<N>. */
struct hostent* gethostbyname(const char* name);
/* node as gethostbyname; service a decimal port. One result per requested
   socket type (or TCP and UDP when none is asked for). */
int getaddrinfo(const char* node, const char* service, const struct addrinfo* hints, struct addrinfo** result);
void freeaddrinfo(struct addrinfo* list);
const char* gai_strerror(int code);

#ifdef __cplusplus
}
#endif

#endif
