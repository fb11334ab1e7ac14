// SharedInterruptLine (see shared_interrupt_line.h): a fixed table of handlers,
// published by a release store of the count so dispatch() never sees a half-set slot.
#include "kernel/pci/shared_interrupt_line.h"

Result<void> SharedInterruptLine::add(arch::PciIrqHandler handler, void* context)
{
    if (!handler)
        return Error::InvalidArgument;
    usize count = m_count.load(std::memory_order_relaxed);
    if (count == MAX_HANDLERS)
        return Error::NoSpace;
    m_slots[count] = Slot { handler, context };
    m_count.store(count + 1, std::memory_order_release);
    m_unclaimed_in_a_row = 0;
    return {};
}

bool SharedInterruptLine::dispatch()
{
    ++m_interrupts;
    usize count = m_count.load(std::memory_order_acquire);
    bool claimed = false;
    // Every handler runs even after one claims: two devices may assert at once.
    for (usize i = 0; i < count; ++i) {
        if (m_slots[i].handler(m_slots[i].context))
            claimed = true;
    }
    if (claimed)
        m_unclaimed_in_a_row = 0;
    else if (m_unclaimed_in_a_row < STORM_LIMIT)
        ++m_unclaimed_in_a_row;
    return claimed;
}
