/* TCP socket options (level IPPROTO_TCP). */
#ifndef _NETINET_TCP_H
#define _NETINET_TCP_H

#include "unum_socket.h"

#define TCP_NODELAY UNUM_TCP_NODELAY

#endif
