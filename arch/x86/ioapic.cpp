// IOAPIC programming through its select/window register pair. The pair makes
// every access two MMIO writes that must not interleave, hence g_lock.
#include "arch/x86/ioapic.h"

#include "arch/x86/interrupts.h"
#include "arch/x86/lapic.h"
#include "arch/x86/paging.h"
#include "arch/x86/pic.h"
#include "kernel/sync/spinlock.h"

namespace x86 {

namespace {

constexpr u32 REG_VERSION = 0x01;
constexpr u32 REG_REDIRECTION_BASE = 0x10;
constexpr u64 ENTRY_ACTIVE_LOW = 1ull << 13;
constexpr u64 ENTRY_LEVEL = 1ull << 15;
constexpr u64 ENTRY_MASKED = 1ull << 16;

struct IoApicState {
    volatile u32* registers;
    u32 gsi_base;
    u32 entry_count;
};

Spinlock g_lock;
IoApicState g_ioapics[acpi::PlatformInfo::MAX_IOAPICS];
usize g_count = 0;
acpi::PlatformInfo const* g_info = nullptr;
// A private copy of what routing needs, so the caller's PlatformInfo may go away.
acpi::PlatformInfo g_info_copy;

// Caller must hold g_lock.
u32 read_register(IoApicState const& io, u32 reg)
{
    io.registers[0] = reg;
    return io.registers[4];
}

// Caller must hold g_lock.
void write_register(IoApicState const& io, u32 reg, u32 value)
{
    io.registers[0] = reg;
    io.registers[4] = value;
}

// Caller must hold g_lock.
void write_entry(IoApicState const& io, u32 index, u64 entry)
{
    u32 reg = REG_REDIRECTION_BASE + 2 * index;
    // Mask first so the line is never live with a half-written entry.
    write_register(io, reg, u32(entry) | u32(ENTRY_MASKED));
    write_register(io, reg + 1, u32(entry >> 32));
    write_register(io, reg, u32(entry));
}

// Caller must hold g_lock.
u64 read_entry(IoApicState const& io, u32 index)
{
    u32 reg = REG_REDIRECTION_BASE + 2 * index;
    return u64(read_register(io, reg)) | (u64(read_register(io, reg + 1)) << 32);
}

IoApicState const* ioapic_for(u32 gsi, u32& index)
{
    for (usize i = 0; i < g_count; ++i) {
        IoApicState const& io = g_ioapics[i];
        if (gsi >= io.gsi_base && gsi - io.gsi_base < io.entry_count) {
            index = gsi - io.gsi_base;
            return &io;
        }
    }
    return nullptr;
}

} // namespace

Result<void> ioapic_init(acpi::PlatformInfo const& info)
{
    if (info.ioapic_count == 0)
        return Error::NoDevice;
    g_info_copy = info;
    g_info = &g_info_copy;
    for (usize i = 0; i < info.ioapic_count; ++i) {
        void* mapped = TRY(map_mmio(info.ioapics[i].address, 0x20));
        IoApicState io { static_cast<volatile u32*>(mapped), info.ioapics[i].gsi_base, 0 };
        SpinlockGuard guard(g_lock);
        io.entry_count = ((read_register(io, REG_VERSION) >> 16) & 0xFF) + 1;
        for (u32 entry = 0; entry < io.entry_count; ++entry)
            write_entry(io, entry, ENTRY_MASKED);
        g_ioapics[g_count++] = io;
    }
    return {};
}

usize ioapic_count() { return g_count; }

Result<void> ioapic_route_gsi(u32 gsi, u8 vector, bool active_low, bool level_triggered, u32 destination)
{
    if (vector < 32 || destination > 0xFF)
        return Error::InvalidArgument;
    SpinlockGuard guard(g_lock);
    u32 index = 0;
    IoApicState const* io = ioapic_for(gsi, index);
    if (!io)
        return Error::NoEntry;
    // Fixed delivery, physical destination mode.
    u64 entry = vector | (u64(destination) << 56);
    if (active_low)
        entry |= ENTRY_ACTIVE_LOW;
    if (level_triggered)
        entry |= ENTRY_LEVEL;
    write_entry(*io, index, entry);
    return {};
}

Result<void> ioapic_route_irq(u8 irq, u8 vector)
{
    if (irq >= 16)
        return Error::InvalidArgument;
    if (g_count == 0 || !lapic_present()) {
        if (!pic_fallback_active())
            return Error::NoDevice;
        if (vector != IRQ_VECTOR_BASE + irq)
            return Error::InvalidArgument;
        pic_unmask(irq);
        return {};
    }
    acpi::IsaIrqRoute route = g_info->route_isa_irq(irq);
    return ioapic_route_gsi(route.gsi, vector, route.active_low, route.level_triggered, lapic_id());
}

Result<void> ioapic_route_pci_line(u8 line, u8 vector)
{
    if (line >= 16)
        return Error::InvalidArgument;
    if (g_count == 0 || !lapic_present())
        return ioapic_route_irq(line, vector); // the PIC: firmware set ELCR for PCI lines
    u32 gsi = line;
    bool active_low = false;
    for (usize i = 0; i < g_info->override_count; ++i) {
        acpi::InterruptOverride const& o = g_info->overrides[i];
        if (o.bus != 0 || o.source_irq != line)
            continue;
        gsi = o.gsi;
        active_low = o.polarity == acpi::Polarity::ActiveLow;
        break;
    }
    return ioapic_route_gsi(gsi, vector, active_low, true, lapic_id());
}

u32 ioapic_gsi_of_pci_line(u8 line)
{
    if (g_count == 0 || !g_info)
        return line;
    return g_info->route_isa_irq(line).gsi;
}

Result<void> ioapic_set_masked(u32 gsi, bool masked)
{
    SpinlockGuard guard(g_lock);
    u32 index = 0;
    IoApicState const* io = ioapic_for(gsi, index);
    if (!io)
        return Error::NoEntry;
    u32 reg = REG_REDIRECTION_BASE + 2 * index;
    u32 low = read_register(*io, reg);
    write_register(*io, reg, masked ? (low | u32(ENTRY_MASKED)) : (low & ~u32(ENTRY_MASKED)));
    return {};
}

Result<void> ioapic_set_irq_masked(u8 irq, bool masked)
{
    if (irq >= 16)
        return Error::InvalidArgument;
    if (g_count == 0 || !lapic_present()) {
        if (!pic_fallback_active())
            return Error::NoDevice;
        masked ? pic_mask(irq) : pic_unmask(irq);
        return {};
    }
    return ioapic_set_masked(g_info->route_isa_irq(irq).gsi, masked);
}

Result<u64> ioapic_read_entry(u32 gsi)
{
    SpinlockGuard guard(g_lock);
    u32 index = 0;
    IoApicState const* io = ioapic_for(gsi, index);
    if (!io)
        return Error::NoEntry;
    return read_entry(*io, index);
}

} // namespace x86
