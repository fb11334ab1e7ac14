/* Host names without DNS (see <netdb.h>): dotted quads, "localhost", and
   "node<N>" for cluster node N at 10.77.0.<N>. */
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>

int h_errno;

/* The IPv4 address (network order) a name stands for; 0 when unknown. */
static int resolve_name(const char* name, struct in_addr* out)
{
    if (!name)
        return 0;
    if (inet_aton(name, out))
        return 1;
    if (strcmp(name, "localhost") == 0) {
        out->s_addr = htonl(INADDR_LOOPBACK);
        return 1;
    }
    if (strncmp(name, "node", 4) == 0 && name[4] >= '1' && name[4] <= '9') {
        char* end;
        long number = strtol(name + 4, &end, 10);
        if (*end == '\0' && number >= 1 && number <= 254) {
            out->s_addr = htonl(0x0a4d0000u | (uint32_t)number); /* 10.77.0.N */
            return 1;
        }
    }
    return 0;
}

struct hostent* gethostbyname(const char* name)
{
    static struct in_addr address;
    static char* addresses[2] = { (char*)&address, NULL };
    static char* aliases[1] = { NULL };
    static char host_name[64];
    static struct hostent entry;
    if (!resolve_name(name, &address)) {
        h_errno = HOST_NOT_FOUND;
        return NULL;
    }
    strncpy(host_name, name, sizeof(host_name) - 1);
    entry.h_name = host_name;
    entry.h_aliases = aliases;
    entry.h_addrtype = AF_INET;
    entry.h_length = 4;
    entry.h_addr_list = addresses;
    return &entry;
}

static int parse_port(const char* service, unsigned short* port)
{
    if (!service) {
        *port = 0;
        return 1;
    }
    char* end;
    long value = strtol(service, &end, 10);
    if (*service == '\0' || *end != '\0' || value < 0 || value > 65535)
        return 0;
    *port = (unsigned short)value;
    return 1;
}

/* One result: an addrinfo and its sockaddr_in in one allocation. */
static struct addrinfo* make_result(struct in_addr address, unsigned short port, int type, int protocol)
{
    struct addrinfo* info = calloc(1, sizeof(struct addrinfo) + sizeof(struct sockaddr_in));
    if (!info)
        return NULL;
    struct sockaddr_in* in = (struct sockaddr_in*)(info + 1);
    in->sin_family = AF_INET;
    in->sin_port = htons(port);
    in->sin_addr = address;
    info->ai_family = AF_INET;
    info->ai_socktype = type;
    info->ai_protocol = protocol;
    info->ai_addrlen = sizeof(*in);
    info->ai_addr = (struct sockaddr*)in;
    return info;
}

int getaddrinfo(const char* node, const char* service, const struct addrinfo* hints, struct addrinfo** result)
{
    int family = hints ? hints->ai_family : AF_UNSPEC;
    int type = hints ? hints->ai_socktype : 0;
    int flags = hints ? hints->ai_flags : 0;
    if (family != AF_UNSPEC && family != AF_INET)
        return EAI_FAMILY;
    if (type != 0 && type != SOCK_STREAM && type != SOCK_DGRAM && type != SOCK_RAW)
        return EAI_SOCKTYPE;
    if (!node && !service)
        return EAI_NONAME;
    unsigned short port;
    if (!parse_port(service, &port))
        return EAI_SERVICE;
    struct in_addr address;
    if (!node)
        address.s_addr = (flags & AI_PASSIVE) ? htonl(INADDR_ANY) : htonl(INADDR_LOOPBACK);
    else if (!resolve_name(node, &address))
        return EAI_NONAME;
    struct addrinfo* first;
    if (type != 0) {
        first = make_result(address, port, type, hints ? hints->ai_protocol : 0);
    } else {
        first = make_result(address, port, SOCK_STREAM, IPPROTO_TCP);
        if (first && !(first->ai_next = make_result(address, port, SOCK_DGRAM, IPPROTO_UDP))) {
            free(first);
            first = NULL;
        }
    }
    if (!first)
        return EAI_MEMORY;
    *result = first;
    return 0;
}

void freeaddrinfo(struct addrinfo* list)
{
    while (list) {
        struct addrinfo* next = list->ai_next;
        free(list);
        list = next;
    }
}

const char* gai_strerror(int code)
{
    switch (code) {
    case 0: return "Success";
    case EAI_NONAME: return "Name does not resolve";
    case EAI_SERVICE: return "Unrecognized service";
    case EAI_FAMILY: return "Address family not supported";
    case EAI_SOCKTYPE: return "Socket type not supported";
    case EAI_MEMORY: return "Out of memory";
    default: return "Unknown error";
    }
}
