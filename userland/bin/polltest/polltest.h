/* polltest's checks, in groups: pipes and select (polltest.c), sockets over
   loopback (sockets.c). */
#ifndef POLLTEST_H
#define POLLTEST_H

/* Prints "ok - name" or "FAIL - name" and counts failures. */
void check(int condition, const char* name);
void sleep_ms(long ms);
void socket_checks(void);

#endif
