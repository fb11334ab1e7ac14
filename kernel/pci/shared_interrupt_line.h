// SharedInterruptLine: the handlers on one level-triggered PCI interrupt line.
// PCI INTx lines are wired-OR: several functions may assert the same line, so every
// handler runs on each interrupt and says whether its device was the one. A line
// that keeps firing while nobody claims it (wrong routing, a device without a
// driver) is reported by is_storming() so the arch code can mask it.
// Locking: add() callers serialise among themselves (the arch code holds its lock);
// dispatch() may run concurrently with add() on another CPU.
#pragma once

#include <atomic>

#include "kernel/arch/irq.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

class SharedInterruptLine {
public:
    static constexpr usize MAX_HANDLERS = 4;
    // Consecutive unclaimed interrupts after which the line counts as storming.
    static constexpr u32 STORM_LIMIT = 10000;

    // NoSpace when MAX_HANDLERS are installed; InvalidArgument for a null handler.
    Result<void> add(arch::PciIrqHandler handler, void* context);
    // Interrupt context: runs every handler; true when at least one claimed it.
    bool dispatch();

    usize handler_count() const { return m_count.load(std::memory_order_acquire); }
    bool is_storming() const { return m_unclaimed_in_a_row >= STORM_LIMIT; }
    u64 interrupts() const { return m_interrupts; }

private:
    struct Slot {
        arch::PciIrqHandler handler = nullptr;
        void* context = nullptr;
    };
    Slot m_slots[MAX_HANDLERS];
    std::atomic<usize> m_count { 0 };
    u32 m_unclaimed_in_a_row = 0;
    u64 m_interrupts = 0;
};
