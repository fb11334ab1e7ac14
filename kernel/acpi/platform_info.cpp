// Queries over PlatformInfo that interrupt routing needs: ISA IRQ overrides and
// which IOAPIC serves a GSI.
#include "kernel/acpi/platform_info.h"

namespace acpi {

void PlatformInfo::reset()
{
    acpi_revision = 0;
    oem_id[0] = '\0';
    has_madt = false;
    local_apic_address = 0;
    has_legacy_pics = false;
    cpu_count = enabled_cpu_count = ioapic_count = override_count = 0;
    lapic_nmi_count = nmi_source_count = ecam_count = 0;
    has_hpet = false;
    hpet_address = 0;
    hpet_min_tick = 0;
    power = PowerControl {};
    dropped_entries = 0;
}

IsaIrqRoute PlatformInfo::route_isa_irq(u8 irq) const
{
    IsaIrqRoute route { irq, false, false };
    for (usize i = 0; i < override_count; ++i) {
        InterruptOverride const& o = overrides[i];
        // Bus 0 is ISA, the only bus ACPI defines overrides for.
        if (o.bus != 0 || o.source_irq != irq)
            continue;
        route.gsi = o.gsi;
        // The ISA defaults are active high, edge; "conforms to bus" keeps them.
        route.active_low = o.polarity == Polarity::ActiveLow;
        route.level_triggered = o.trigger == Trigger::Level;
        break;
    }
    return route;
}

IoApic const* PlatformInfo::ioapic_for_gsi(u32 gsi) const
{
    IoApic const* best = nullptr;
    for (usize i = 0; i < ioapic_count; ++i) {
        IoApic const& candidate = ioapics[i];
        if (candidate.gsi_base <= gsi && (!best || candidate.gsi_base > best->gsi_base))
            best = &candidate;
    }
    return best;
}

LocalApic const* PlatformInfo::cpu_by_apic_id(u32 apic_id) const
{
    for (usize i = 0; i < cpu_count; ++i) {
        if (cpus[i].apic_id == apic_id)
            return &cpus[i];
    }
    return nullptr;
}

} // namespace acpi
