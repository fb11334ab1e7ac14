// The local node number (see node_identity.h).
#include "kernel/proc/node_identity.h"

#include "kernel/proc/pid.h"

namespace {
u32 g_local_node = 1;
}

u32 local_node() { return g_local_node; }

void set_local_node(u32 node)
{
    if (node >= 1 && node <= MAX_NODE)
        g_local_node = node;
}
