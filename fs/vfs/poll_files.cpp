// poll_files: the scan-and-sleep loop behind poll() and select().
#include "fs/vfs/poll_files.h"

#include "fs/vfs/open_file_description.h"
#include "fs/vfs/readiness.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sched/thread.h"

static_assert(PollBits::In == PollEvent::Readable && PollBits::Out == PollEvent::Writable
    && PollBits::Error == PollEvent::Error && PollBits::HangUp == PollEvent::HangUp);

usize poll_scan(FdTable& fds, PollEntry* entries, usize count)
{
    usize ready = 0;
    for (usize i = 0; i < count; ++i) {
        PollEntry& entry = entries[i];
        entry.revents = 0;
        if (entry.fd < 0)
            continue;
        auto file = fds.get(entry.fd);
        if (file.is_error())
            entry.revents = PollBits::Invalid;
        else
            entry.revents = file.value()->poll() & (entry.events | PollBits::Error | PollBits::HangUp);
        if (entry.revents)
            ++ready;
    }
    return ready;
}

Result<usize> poll_files(FdTable& fds, PollEntry* entries, usize count, i64 timeout_ms)
{
    u64 deadline = timeout_ms < 0 ? sched::NO_DEADLINE : sched::deadline_after_ms(u64(timeout_ms));
    for (;;) {
        u64 seen = readiness::generation();
        usize ready = poll_scan(fds, entries, count);
        if (ready > 0 || timeout_ms == 0)
            return ready;
        auto waited = readiness::wait_for_change(seen, deadline);
        if (waited.is_error()) {
            if (waited.error() != Error::TimedOut)
                return waited.error();
            return poll_scan(fds, entries, count);
        }
    }
}
