// The node's Vfs instance (see system_vfs.h).
#include "kernel/proc/system_vfs.h"

namespace {
OwnPtr<Vfs> g_vfs;
}

void set_system_vfs(OwnPtr<Vfs> vfs) { g_vfs = std::move(vfs); }
Vfs* system_vfs() { return g_vfs.ptr(); }
