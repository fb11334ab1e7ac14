// Host fake of the arch interrupt seam: handlers are kept per line and tests raise
// a line by hand with fake_irq_raise (tests/host/fake_arch/fake_irq.h). Self-contained
// (no kernel/pci code), since every host build links fake_arch.
#include "fake_arch/fake_irq.h"
#include "kernel/arch/irq.h"

namespace {

constexpr usize LINES = 16;
constexpr usize HANDLERS_PER_LINE = 4;

struct Slot {
    arch::PciIrqHandler handler;
    void* context;
};

Slot g_slots[LINES][HANDLERS_PER_LINE];
usize g_counts[LINES];

} // namespace

void fake_irq_reset()
{
    for (usize line = 0; line < LINES; ++line)
        g_counts[line] = 0;
}

bool fake_irq_raise(u8 line)
{
    bool claimed = false;
    for (usize i = 0; line < LINES && i < g_counts[line]; ++i)
        claimed |= g_slots[line][i].handler(g_slots[line][i].context);
    return claimed;
}

usize fake_irq_handler_count(u8 line) { return line < LINES ? g_counts[line] : 0; }

namespace arch {

Result<void> install_pci_irq_handler(u8 line, PciIrqHandler handler, void* context)
{
    if (line >= LINES || !handler)
        return Error::InvalidArgument;
    if (g_counts[line] == HANDLERS_PER_LINE)
        return Error::NoSpace;
    g_slots[line][g_counts[line]++] = Slot { handler, context };
    return {};
}

} // namespace arch
