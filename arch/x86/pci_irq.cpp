// arch::install_pci_irq_handler on x86: legacy PCI INTx line L arrives on vector
// IRQ_VECTOR_BASE + L (the same vector ISA IRQ L would use, so the PIC fallback
// works too), routed level-triggered through the IOAPIC. Each line keeps a
// SharedInterruptLine of handlers; a line that storms with nobody claiming it is
// masked (drivers then still work by polling) and logged once.
#include "arch/x86/interrupts.h"
#include "arch/x86/ioapic.h"
#include "kernel/arch/irq.h"
#include "kernel/log/klog.h"
#include "kernel/pci/shared_interrupt_line.h"
#include "kernel/sync/spinlock.h"

namespace x86 {
namespace {

constexpr u8 LINE_COUNT = 16;

Spinlock g_install_lock;
SharedInterruptLine g_lines[LINE_COUNT];
bool g_masked_for_storm[LINE_COUNT];

void on_pci_line_interrupt(InterruptFrame& frame, void*)
{
    u8 line = u8(frame.vector - IRQ_VECTOR_BASE);
    if (line >= LINE_COUNT)
        return;
    SharedInterruptLine& shared = g_lines[line];
    shared.dispatch();
    if (shared.is_storming() && !g_masked_for_storm[line]) {
        g_masked_for_storm[line] = true;
        (void)ioapic_set_masked(ioapic_gsi_of_pci_line(line), true);
        log_warn("pci: IRQ %u keeps firing and no driver claims it; masked", unsigned(line));
    }
}

} // namespace
} // namespace x86

namespace arch {

Result<void> install_pci_irq_handler(u8 line, PciIrqHandler handler, void* context)
{
    using namespace x86;
    if (line >= LINE_COUNT)
        return Error::InvalidArgument;
    SpinlockGuard guard(g_install_lock);
    SharedInterruptLine& shared = g_lines[line];
    bool first = shared.handler_count() == 0;
    TRY(shared.add(handler, context));
    if (!first)
        return {};
    u8 vector = u8(IRQ_VECTOR_BASE + line);
    set_interrupt_handler(vector, on_pci_line_interrupt, nullptr);
    return ioapic_route_pci_line(line, vector);
}

} // namespace arch
