/* Helpers shared by the small utilities of userland/bin (ls, ps, cp, mv, id, su,
   ...): error messages, /etc/passwd and /etc/group lookups, whole-buffer writes
   and file copying. Every name starts with util_ so none can clash with a
   program's own (all of userland/lib is linked into every program). */
#ifndef _UNUM_UTIL_H
#define _UNUM_UTIL_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

/* newlib declares these only when _POSIX_TIMERS is set; userland/lib/time.c has
   them. */
#if !defined(_POSIX_TIMERS)
int nanosleep(const struct timespec* req, struct timespec* rem);
int clock_gettime(clockid_t clock, struct timespec* ts);
/* HOST (a dotted quad, "localhost" or node<N>, see <netdb.h>) and PORT as an
   IPv4 socket address; 0, or -1 (nothing printed) when HOST is unknown. */
struct sockaddr_in;
int util_inet_address(const char* host, unsigned port, struct sockaddr_in* out);

/* Seconds on the monotonic clock, as a double (for rates and round trips). */
double util_monotonic_seconds(void);

#endif

/* Prints "prog: what: strerror(errno)" on stderr. */
void util_warn(const char* prog, const char* what);

/* One /etc/passwd entry; strings are truncated to fit. */
struct util_user {
    char name[32];
    char password[64];
    unsigned uid;
    unsigned gid;
    char home[128];
    char shell[128];
};

/* 0 and *out filled when found; -1 if not (or /etc/passwd is unreadable). */
int util_user_by_uid(unsigned uid, struct util_user* out);
int util_user_by_name(const char* name, struct util_user* out);

/* The user's or group's name, or the number as text when there is none; the
   result lives in buf. */
const char* util_user_name(unsigned uid, char* buf, size_t len);
const char* util_group_name(unsigned gid, char* buf, size_t len);

/* Writes all of buf (retrying short writes and EINTR); 0 or -1 with errno. */
int util_write_all(int fd, const void* buf, size_t len);

/* Copies regular file src to dst (created or truncated, src's permission bits).
   Prints prog's error message itself; returns 0 or -1. */
int util_copy_file(const char* prog, const char* src, const char* dst);

/* The last component of path, without trailing slashes, into buf ("/" stays "/"). */
const char* util_basename(const char* path, char* buf, size_t len);

/* dir + "/" + name into buf; -1 (errno ENAMETOOLONG) if it does not fit. */
int util_join_path(char* buf, size_t len, const char* dir, const char* name);

/* A whole decimal unsigned number; 0 or -1 when s is not one. */
int util_parse_ulong(const char* s, unsigned long* out);

/* The main of a line filter (head, tail): parses `-n N`, `-nN`, `-N` and `--`
   (default 10 lines), then runs filter on stdin or on each FILE (`-` is stdin),
   with `==> FILE <==` headers when there are several. Returns the exit status. */
typedef int (*util_line_filter)(FILE* f, const char* name, unsigned long lines);
int util_run_line_filter(const char* prog, int argc, char** argv, util_line_filter filter);

/* The main of cp and mv: `PROG SRC DST` or `PROG SRC... DIR`, where a directory
   destination receives each source under its own name; op(src, dst) does the
   work and returns < 0 on failure. Returns the exit status. */
typedef int (*util_file_operation)(const char* src, const char* dst);
int util_run_to_destination(const char* prog, int argc, char** argv, util_file_operation op);

/* HOST (a dotted quad, "localhost" or node<N>, see <netdb.h>) and PORT as an
   IPv4 socket address; 0, or -1 (nothing printed) when HOST is unknown. */
struct sockaddr_in;
int util_inet_address(const char* host, unsigned port, struct sockaddr_in* out);

/* Seconds on the monotonic clock, as a double (for rates and round trips). */
double util_monotonic_seconds(void);

/* Calls visit(key, value, ctx) for each KEY=VALUE field of line, the fields
   separated by spaces, tabs or the newline (the layout of /proc/net/interfaces
   and /proc/net/stats). line is cut up in place; fields without '=' are skipped. */
typedef void (*util_key_value_visitor)(const char* key, const char* value, void* ctx);
void util_parse_key_values(char* line, util_key_value_visitor visit, void* ctx);

/* One /proc/net/interfaces line (ifconfig, netstat -i), each field as its text,
   cut to fit; keys the line lacks read "0". */
#define UTIL_INTERFACE_FIELD 40
struct util_interface {
    char name[UTIL_INTERFACE_FIELD], mac[UTIL_INTERFACE_FIELD], inet[UTIL_INTERFACE_FIELD];
    char netmask[UTIL_INTERFACE_FIELD], link[UTIL_INTERFACE_FIELD], mtu[UTIL_INTERFACE_FIELD];
    char rx_packets[UTIL_INTERFACE_FIELD], rx_bytes[UTIL_INTERFACE_FIELD];
    char rx_errors[UTIL_INTERFACE_FIELD], rx_dropped[UTIL_INTERFACE_FIELD];
    char tx_packets[UTIL_INTERFACE_FIELD], tx_bytes[UTIL_INTERFACE_FIELD];
    char tx_errors[UTIL_INTERFACE_FIELD], tx_dropped[UTIL_INTERFACE_FIELD];
};
void util_parse_interface(char* line, struct util_interface* out);

/* Whether the interface is the loopback one (named lo, or on 127/8). */
int util_interface_is_loopback(const struct util_interface* interface);

#endif
