/* nodes: the members of this node's cluster, as DESIGN §4 shows them:
     NODE   ADDR        STATE  CPUS  MEM    LOAD  FEATURES
     node1  10.77.0.1   up     1     512M   0.03  fpu,sse2,...
   read from /proc/cluster/nodes (key=value lines, docs/cluster.md). Exits 1
   when this node is not a member of a cluster.

   `nodes ping NODE [COUNT [SIZE]]` makes COUNT (default 4) round trips to NODE's
   kernel over the cluster's authenticated RPC: empty calls to the null service,
   or SIZE bytes (at most 65536) through the echo service, checked on return.
   One line per call and a summary; exit 0 if every call was answered.

   `nodes pending` lists the machines waiting at the cluster's boot servers that
   run with admit=manual; `nodes admit MAC` (root) lets one boot. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unum.h>

#include "util.h"

#define NODES_FILE "/proc/cluster/nodes"

/* Copies the value of key= in line (up to the next space) into out; "" if absent. */
static void field(const char* line, const char* key, char* out, size_t size)
{
    size_t key_length = strlen(key);
    out[0] = '\0';
    for (const char* p = line; *p; ++p) {
        if ((p == line || p[-1] == ' ') && strncmp(p, key, key_length) == 0 && p[key_length] == '=') {
            const char* value = p + key_length + 1;
            size_t n = strcspn(value, " \n");
            if (n >= size)
                n = size - 1;
            memcpy(out, value, n);
            out[n] = '\0';
            return;
        }
    }
}

static void usage(void)
{
    fprintf(stderr, "usage: nodes\n       nodes ping NODE [COUNT [SIZE]]\n       nodes pending\n       nodes admit MAC\n");
    exit(2);
}

/* "2" or "node2" -> 2; 0 when it is neither. */
static unsigned parse_node(const char* text)
{
    if (strncmp(text, "node", 4) == 0)
        text += 4;
    char* end;
    unsigned long value = strtoul(text, &end, 10);
    return *text && !*end && value >= 1 && value <= 4095 ? (unsigned)value : 0;
}

static int ping(int argc, char** argv)
{
    if (argc < 3 || argc > 5)
        usage();
    unsigned node = parse_node(argv[2]);
    char* end = NULL;
    long count = argc > 3 ? strtol(argv[3], &end, 10) : 4;
    if (!node || count < 1 || (end && *end))
        usage();
    long size = argc > 4 ? strtol(argv[4], &end, 10) : 0;
    if (size < 0 || size > 65536 || (argc > 4 && *end))
        usage();
    printf("RPC PING node%u: %ld bytes %s\n", node, size, size ? "echoed" : "(null call)");
    long answered = 0;
    double min = 0, max = 0, sum = 0;
    for (long call = 1; call <= count; ++call) {
        long long ns = unum_cluster_ping(node, (size_t)size, 0);
        if (ns < 0) {
            printf("node%u: call %ld: %s\n", node, call, strerror(errno));
            fflush(stdout);
            if (errno == EINVAL || errno == ENETDOWN)
                break;
            continue;
        }
        double ms = (double)ns / 1e6;
        printf("reply from node%u: call=%ld bytes=%ld time=%.3f ms\n", node, call, size, ms);
        fflush(stdout);
        if (answered == 0 || ms < min)
            min = ms;
        if (ms > max)
            max = ms;
        sum += ms;
        ++answered;
    }
    printf("--- node%u rpc ping ---\n%ld calls, %ld answered\n", node, count, answered);
    if (answered) {
        printf("rtt min/avg/max = %.3f/%.3f/%.3f ms", min, sum / (double)answered, max);
        /* Bytes moved both ways per second of round trips. */
        if (size)
            printf(", %.1f KiB/s", 2.0 * (double)size * (double)answered / 1024.0 / (sum / 1000.0));
        printf("\n");
    }
    return answered == count ? 0 : 1;
}

static int pending(void)
{
    static char text[UNUM_ADMISSION_TEXT_MAX + 1];
    long long length = unum_cluster_admission(UNUM_ADMISSION_PENDING, NULL, text, UNUM_ADMISSION_TEXT_MAX);
    if (length < 0) {
        if (errno == ENOTSUP) {
            fprintf(stderr, "nodes: no boot server of this cluster waits for admissions (admit=manual)\n");
            return 1;
        }
        util_warn("nodes", "pending");
        return 1;
    }
    text[length] = '\0';
    printf("%-18s %-8s %-8s %s\n", "MAC", "SERVER", "WAITING", "REQUESTS");
    for (char* line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
        char node[16], mac[24], waiting[24], requests[24], server[24], seconds[32];
        field(line, "node", node, sizeof node);
        field(line, "mac", mac, sizeof mac);
        field(line, "waiting_s", waiting, sizeof waiting);
        field(line, "requests", requests, sizeof requests);
        snprintf(server, sizeof server, "node%s", node);
        snprintf(seconds, sizeof seconds, "%ss", waiting);
        printf("%-18s %-8s %-8s %s\n", mac, server, seconds, requests);
    }
    return 0;
}

/* "52:54:00:00:00:02" -> bytes; -1 when malformed. */
static int parse_mac(const char* text, unsigned char mac[6])
{
    for (int i = 0; i < 6; ++i) {
        char* end;
        if (!isxdigit((unsigned char)text[0]) || !isxdigit((unsigned char)text[1]))
            return -1;
        unsigned long byte = strtoul(text, &end, 16);
        if (end != text + 2 || (i < 5 && *end != ':') || (i == 5 && *end))
            return -1;
        mac[i] = (unsigned char)byte;
        text = end + 1;
    }
    return 0;
}

static int admit(const char* text)
{
    unsigned char mac[6];
    if (parse_mac(text, mac) < 0) {
        fprintf(stderr, "nodes: %s is not a MAC address (like 52:54:00:00:00:04)\n", text);
        return 2;
    }
    if (unum_cluster_admission(UNUM_ADMISSION_ADMIT, mac, NULL, 0) < 0) {
        if (errno == ENOTSUP)
            fprintf(stderr, "nodes: no boot server of this cluster waits for admissions (admit=manual)\n");
        else if (errno == EEXIST)
            fprintf(stderr, "nodes: %s was already admitted\n", text);
        else if (errno == EPERM)
            fprintf(stderr, "nodes: admit: Operation not permitted\n");
        else
            util_warn("nodes", "admit");
        return 1;
    }
    printf("admitted %s\n", text);
    return 0;
}

int main(int argc, char** argv)
{
    if (argc > 1 && strcmp(argv[1], "ping") == 0)
        return ping(argc, argv);
    if (argc == 2 && strcmp(argv[1], "pending") == 0)
        return pending();
    if (argc == 3 && strcmp(argv[1], "admit") == 0)
        return admit(argv[2]);
    if (argc > 1)
        usage();
    FILE* file = fopen(NODES_FILE, "r");
    if (!file) {
        util_warn("nodes", NODES_FILE);
        return 1;
    }
    static char line[4096];
    int members = 0;
    while (fgets(line, sizeof line, file)) {
        char node[16], addr[24], state[16], cpus[16], mem[24], load[24], features[2048], tags[256];
        field(line, "node", node, sizeof node);
        if (!node[0])
            continue;
        if (members++ == 0)
            printf("%-8s %-15s %-8s %-5s %-7s %-6s %s\n", "NODE", "ADDR", "STATE", "CPUS", "MEM", "LOAD", "FEATURES");
        field(line, "addr", addr, sizeof addr);
        field(line, "state", state, sizeof state);
        field(line, "cpus", cpus, sizeof cpus);
        field(line, "mem_mib", mem, sizeof mem);
        field(line, "load", load, sizeof load);
        field(line, "features", features, sizeof features);
        field(line, "tags", tags, sizeof tags);
        char name[24], memory[32];
        snprintf(name, sizeof name, "node%s", node);
        snprintf(memory, sizeof memory, "%sM", mem);
        printf("%-8s %-15s %-8s %-5s %-7s %-6s %s%s%s\n", name, addr, state, cpus, memory, load, features,
            tags[0] ? " tags=" : "", tags);
    }
    fclose(file);
    if (members == 0) {
        fprintf(stderr, "nodes: this node is not in a cluster (yet)\n");
        return 1;
    }
    return fflush(stdout) == 0 ? 0 : 1;
}
