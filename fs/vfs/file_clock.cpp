// The file-time clock: seconds since boot unless a source was installed.
#include "fs/vfs/file_clock.h"

#include <atomic>

#include "kernel/arch/time.h"

namespace {
std::atomic<FileClockSource> g_source { nullptr };
}

u64 file_clock_now()
{
    FileClockSource source = g_source.load(std::memory_order_acquire);
    if (source)
        return source();
    return arch::monotonic_ns() / 1000000000ull;
}

void set_file_clock(FileClockSource source) { g_source.store(source, std::memory_order_release); }
