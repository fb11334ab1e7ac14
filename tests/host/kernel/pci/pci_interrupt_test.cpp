// Legacy PCI interrupts: SharedInterruptLine (several handlers on one line, storm
// detection) and pci::install_interrupt_handler's checks of the INTx registers.
#include <catch2/catch.hpp>

#include "fake_arch/fake_irq.h"
#include "kernel/pci/pci_interrupt.h"
#include "kernel/pci/shared_interrupt_line.h"
#include "tests/host/kernel/pci/fake_pci_config.h"

namespace {

struct Counter {
    int calls = 0;
    bool claim = false;
    static bool handle(void* context)
    {
        auto* counter = static_cast<Counter*>(context);
        ++counter->calls;
        return counter->claim;
    }
};

PciDevice add_nic(u8 line, u8 pin, u16 command)
{
    u32 config[64] = {};
    config[0] = 0x100e8086;
    config[1] = command;
    config[2] = 0x02000003;
    config[15] = u32(line) | u32(pin) << 8;
    fake_pci_add_function(0, 3, 0, config);
    return PciDevice::probe(PciAddress { 0, 3, 0 }).release_value();
}

} // namespace

TEST_CASE("shared interrupt line runs every handler and knows who claimed", "[pci]")
{
    SharedInterruptLine line;
    Counter a, b;
    REQUIRE(!line.add(Counter::handle, &a).is_error());
    REQUIRE(!line.add(Counter::handle, &b).is_error());
    REQUIRE(!line.dispatch());
    b.claim = true;
    REQUIRE(line.dispatch());
    REQUIRE(a.calls == 2);
    REQUIRE(b.calls == 2);
    a.claim = true; // both devices asserted: both still run
    REQUIRE(line.dispatch());
    REQUIRE(a.calls == 3);
    REQUIRE(b.calls == 3);
    REQUIRE(line.interrupts() == 3);
}

TEST_CASE("shared interrupt line is bounded and detects a storm", "[pci]")
{
    SharedInterruptLine line;
    Counter counters[SharedInterruptLine::MAX_HANDLERS + 1];
    for (usize i = 0; i < SharedInterruptLine::MAX_HANDLERS; ++i)
        REQUIRE(!line.add(Counter::handle, &counters[i]).is_error());
    REQUIRE(line.add(Counter::handle, &counters[SharedInterruptLine::MAX_HANDLERS]).error() == Error::NoSpace);
    REQUIRE(line.add(nullptr, nullptr).error() == Error::InvalidArgument);
    for (u32 i = 0; i < SharedInterruptLine::STORM_LIMIT - 1; ++i)
        line.dispatch();
    REQUIRE(!line.is_storming());
    line.dispatch();
    REQUIRE(line.is_storming());
    counters[0].claim = true;
    line.dispatch();
    REQUIRE(!line.is_storming());
}

TEST_CASE("PCI INTx handler installation checks the interrupt registers", "[pci]")
{
    fake_pci_reset();
    fake_irq_reset();
    Counter counter { 0, true };

    SECTION("a routed line installs and lets the function assert INTx")
    {
        PciDevice nic = add_nic(11, 1, 0x0406); // memory, bus master, INTx disabled
        REQUIRE(!pci::install_interrupt_handler(nic, Counter::handle, &counter).is_error());
        REQUIRE(fake_irq_handler_count(11) == 1);
        REQUIRE((fake_pci_peek(0, 3, 0, 0x04) & pci::COMMAND_INTX_DISABLE) == 0);
        REQUIRE((fake_pci_peek(0, 3, 0, 0x04) & 0x6) == 0x6);
        REQUIRE(fake_irq_raise(11));
        REQUIRE(counter.calls == 1);
        // A second function on the same line shares it.
        Counter other;
        REQUIRE(!pci::install_interrupt_handler(nic, Counter::handle, &other).is_error());
        REQUIRE(fake_irq_raise(11));
        REQUIRE(other.calls == 1);
    }
    SECTION("no pin, an unassigned line, or a line the PIC numbering lacks")
    {
        REQUIRE(pci::install_interrupt_handler(add_nic(11, 0, 0), Counter::handle, &counter).error() == Error::NoDevice);
        REQUIRE(pci::install_interrupt_handler(add_nic(0xFF, 1, 0), Counter::handle, &counter).error() == Error::NoDevice);
        REQUIRE(pci::install_interrupt_handler(add_nic(16, 1, 0), Counter::handle, &counter).error()
            == Error::InvalidArgument);
        REQUIRE(fake_irq_handler_count(11) == 0);
    }
    SECTION("INTx can be switched off again")
    {
        PciDevice nic = add_nic(10, 1, 0);
        pci::set_intx_enabled(nic, false);
        REQUIRE((fake_pci_peek(0, 3, 0, 0x04) & pci::COMMAND_INTX_DISABLE) != 0);
        pci::set_intx_enabled(nic, true);
        REQUIRE((fake_pci_peek(0, 3, 0, 0x04) & pci::COMMAND_INTX_DISABLE) == 0);
    }
}
