/* polltest's checks, in groups: pipes and select (polltest.c), sockets over
   loopback (sockets.c), sendmsg/recvmsg and SO_LINGER (messages.c). */
#ifndef POLLTEST_H
#define POLLTEST_H

#include <netinet/in.h>

/* Prints "ok - name" or "FAIL - name" and counts failures. */
void check(int condition, const char* name);
void sleep_ms(long ms);
void socket_checks(void);
void message_checks(void);
void linger_checks(void);

/* sockets.c's helpers: 127.0.0.1:port; a listener there (-1 on failure);
   whether fd becomes readable within ms. */
struct sockaddr_in loopback(int port);
int listener_on(int port);
int readable_within(int fd, int ms);

#endif
