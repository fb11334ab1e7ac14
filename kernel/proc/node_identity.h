// This node's number (1..4095): from `node=N` on the command line until the
// cluster layer assigns one. PIDs and names (`node<N>`) derive from it.
#pragma once

#include "kernel/lib/types.h"

u32 local_node();
void set_local_node(u32 node);
