/* nodes: the members of this node's cluster, as DESIGN §4 shows them:
     NODE   ADDR        STATE  CPUS  MEM    LOAD  FEATURES
     node1  10.77.0.1   up     1     512M   0.03  fpu,sse2,...
   read from /proc/cluster/nodes (key=value lines, docs/cluster.md). Exits 1
   when this node is not a member of a cluster. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

int main(int argc, char** argv)
{
    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: nodes\n");
        return 2;
    }
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
