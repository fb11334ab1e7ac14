// FileSystem: id allocation.
#include "fs/vfs/file_system.h"

#include <atomic>

namespace {
std::atomic<u32> g_next_fs_id { 1 };
}

u32 FileSystem::allocate_id() { return g_next_fs_id.fetch_add(1, std::memory_order_relaxed); }
