// Readiness: how poll() and select() learn that an open file may have become
// ready. One node-wide generation counter and wait queue, not per-object waiter
// lists: a pollable object (pipe, terminal, socket) calls readiness::changed()
// whenever its Vnode::poll() answer may have changed, and every sleeping poller
// wakes and re-scans its files. Simple and free of registration bookkeeping, at
// the cost of spurious wake-ups when many pollers sleep (see docs/sockets.md).
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace readiness {

// The current generation; take it before scanning files, then pass it to
// wait_for_change() so a change between the scan and the sleep is not lost.
u64 generation();

// Something's readiness may have changed. Safe from interrupt context and with
// any spinlock held (the readiness lock is always the innermost).
void changed();

// Sleeps until the generation is no longer seen (Ok), deadline_tick passes
// (TimedOut; sched::NO_DEADLINE waits forever) or the thread has a signal to act
// on (Interrupted).
Result<void> wait_for_change(u64 seen, u64 deadline_tick);

} // namespace readiness
