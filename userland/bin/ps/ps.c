/* ps: every process, from /proc, one per line under the header
   `PID PPID NODE USER STAT TIME CMD` (DESIGN.md §4). Each /proc/<pid>/status
   gives Name, PPid, Uid, State, Node and CpuTimeMs; any of them may be missing
   (the columns then show `-`), and a process may exit between the directory
   listing and the read, in which case it is skipped. CMD is /proc/<pid>/cmdline
   with its NULs as spaces, or [Name] when that is empty. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

struct proc_info {
    long pid, ppid, uid, node, cpu_ms; /* -1 when unknown */
    char state;
    char name[64];
    char cmd[256];
};

/* Reads up to len-1 bytes of a small /proc file; the byte count or -1. */
static ssize_t read_small(const char* path, char* buf, size_t len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return -1;
    size_t got = 0;
    while (got < len - 1) {
        ssize_t n = read(fd, buf + got, len - 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    buf[got] = '\0';
    return (ssize_t)got;
}

/* The number after "Key:" (first of several, as in "Uid: 0 0 0 0"), or -1. */
static long field_number(const char* value)
{
    while (*value == ' ' || *value == '\t')
        value++;
    /* Node may be written "node2" as well as "2". */
    if (strncmp(value, "node", 4) == 0)
        value += 4;
    char* end;
    long v = strtol(value, &end, 10);
    return end == value ? -1 : v;
}

static void parse_status(char* text, struct proc_info* p)
{
    for (char* line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char* colon = strchr(line, ':');
        if (!colon)
            continue;
        *colon = '\0';
        const char* key = line;
        char* value = colon + 1;
        while (*value == ' ' || *value == '\t')
            value++;
        if (strcmp(key, "Name") == 0)
            snprintf(p->name, sizeof p->name, "%s", value);
        else if (strcmp(key, "PPid") == 0)
            p->ppid = field_number(value);
        else if (strcmp(key, "Uid") == 0)
            p->uid = field_number(value);
        else if (strcmp(key, "State") == 0 && *value)
            p->state = *value;
        else if (strcmp(key, "Node") == 0)
            p->node = field_number(value);
        else if (strcmp(key, "CpuTimeMs") == 0)
            p->cpu_ms = field_number(value);
    }
}

/* 0 when the process was read, -1 when it is gone (or unreadable). */
static int read_process(long pid, struct proc_info* p)
{
    char path[64], text[2048];
    memset(p, 0, sizeof *p);
    p->pid = pid;
    p->ppid = p->uid = p->node = p->cpu_ms = -1;
    p->state = '-';
    snprintf(path, sizeof path, "/proc/%ld/status", pid);
    if (read_small(path, text, sizeof text) < 0)
        return -1;
    parse_status(text, p);

    snprintf(path, sizeof path, "/proc/%ld/cmdline", pid);
    ssize_t n = read_small(path, p->cmd, sizeof p->cmd);
    if (n > 0) {
        while (n > 0 && p->cmd[n - 1] == '\0')
            n--; /* the arguments' final NUL */
        for (ssize_t i = 0; i < n; i++) {
            if (p->cmd[i] == '\0' || p->cmd[i] == '\n')
                p->cmd[i] = ' ';
        }
        p->cmd[n] = '\0';
    }
    if (n <= 0)
        snprintf(p->cmd, sizeof p->cmd, "[%s]", p->name[0] ? p->name : "?");
    return 0;
}

static int compare_pids(const void* a, const void* b)
{
    long x = *(const long*)a, y = *(const long*)b;
    return (x > y) - (x < y);
}

/* The numeric entries of /proc, sorted; NULL on failure. */
static long* list_pids(size_t* count)
{
    DIR* dir = opendir("/proc");
    if (!dir) {
        util_warn("ps", "/proc");
        return NULL;
    }
    long* pids = NULL;
    size_t n = 0, cap = 0;
    struct dirent* e;
    while ((e = readdir(dir))) {
        unsigned long pid;
        if (util_parse_ulong(e->d_name, &pid) < 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            long* grown = realloc(pids, cap * sizeof *pids);
            if (!grown) {
                fprintf(stderr, "ps: out of memory\n");
                free(pids);
                closedir(dir);
                return NULL;
            }
            pids = grown;
        }
        pids[n++] = (long)pid;
    }
    closedir(dir);
    qsort(pids, n, sizeof *pids, compare_pids);
    *count = n;
    return pids ? pids : malloc(1);
}

static void print_process(const struct proc_info* p)
{
    char ppid[24] = "-", node[24] = "-", user[64] = "-", time[24] = "-";
    if (p->ppid >= 0)
        snprintf(ppid, sizeof ppid, "%ld", p->ppid);
    if (p->node >= 0)
        snprintf(node, sizeof node, "node%ld", p->node);
    if (p->uid >= 0)
        util_user_name((unsigned)p->uid, user, sizeof user);
    long seconds = p->cpu_ms >= 0 ? p->cpu_ms / 1000 : 0;
    snprintf(time, sizeof time, "%ld:%02ld", seconds / 60, seconds % 60);
    /* Minimum widths are the header words', so short values line up under
       them while the header itself stays exactly as documented. */
    printf("%-3ld %-4s %-4s %-4s %-4c %-4s %s\n", p->pid, ppid, node, user, p->state, time, p->cmd);
}

int main(int argc, char** argv)
{
    if (argc > 1) {
        fprintf(stderr, "usage: ps (it takes no options: it lists every process)\n");
        return 2;
    }
    size_t count = 0;
    long* pids = list_pids(&count);
    if (!pids)
        return 1;
    puts("PID PPID NODE USER STAT TIME CMD");
    for (size_t i = 0; i < count; i++) {
        struct proc_info p;
        if (read_process(pids[i], &p) == 0)
            print_process(&p);
    }
    free(pids);
    return fflush(stdout) == 0 ? 0 : 1;
}
