// MADT decoding. Each record's type fixes a minimum length; shorter records are
// skipped, records past the table's end stop the walk, so arbitrary bytes never
// cause an out-of-bounds read or an endless loop.
#include "kernel/acpi/madt.h"

namespace acpi {

namespace {

enum RecordType : u8 {
    LocalApicRecord = 0,
    IoApicRecord = 1,
    OverrideRecord = 2,
    NmiSourceRecord = 3,
    LocalApicNmiRecord = 4,
    LocalApicAddressRecord = 5,
    LocalX2ApicRecord = 9,
    LocalX2ApicNmiRecord = 10,
};

constexpr usize MADT_FIXED_LENGTH = 44;
constexpr u32 LAPIC_ENABLED = 1u << 0;
constexpr u32 LAPIC_ONLINE_CAPABLE = 1u << 1;
constexpr u32 PCAT_COMPAT = 1u << 0;

Polarity decode_polarity(u16 flags)
{
    switch (flags & 3) {
    case 1: return Polarity::ActiveHigh;
    case 3: return Polarity::ActiveLow;
    default: return Polarity::BusDefault;
    }
}

Trigger decode_trigger(u16 flags)
{
    switch ((flags >> 2) & 3) {
    case 1: return Trigger::Edge;
    case 3: return Trigger::Level;
    default: return Trigger::BusDefault;
    }
}

usize minimum_length(u8 type)
{
    switch (type) {
    case LocalApicRecord: return 8;
    case IoApicRecord: return 12;
    case OverrideRecord: return 10;
    case NmiSourceRecord: return 8;
    case LocalApicNmiRecord: return 6;
    case LocalApicAddressRecord: return 12;
    case LocalX2ApicRecord: return 16;
    case LocalX2ApicNmiRecord: return 12;
    default: return 2;
    }
}

void add_cpu(PlatformInfo& info, u32 apic_id, u32 uid, u32 flags)
{
    // Firmware may list a CPU both as xAPIC and x2APIC; keep the first.
    if (info.cpu_by_apic_id(apic_id))
        return;
    bool enabled = flags & LAPIC_ENABLED;
    bool online_capable = flags & LAPIC_ONLINE_CAPABLE;
    // Neither usable now nor later: a placeholder slot.
    if (!enabled && !online_capable)
        return;
    if (info.cpu_count == PlatformInfo::MAX_CPUS) {
        ++info.dropped_entries;
        return;
    }
    info.cpus[info.cpu_count++] = LocalApic { apic_id, uid, enabled, online_capable };
    if (enabled)
        ++info.enabled_cpu_count;
}

void add_lapic_nmi(PlatformInfo& info, u32 uid, u8 lint, u16 flags)
{
    if (lint > 1 || info.lapic_nmi_count == PlatformInfo::MAX_LAPIC_NMIS) {
        ++info.dropped_entries;
        return;
    }
    info.lapic_nmis[info.lapic_nmi_count++] = LocalApicNmi { uid, lint, decode_polarity(flags), decode_trigger(flags) };
}

// Decodes one record whose length was checked against minimum_length(type).
void decode_record(ByteReader record, PlatformInfo& info)
{
    u8 type = *record.u8_at(0);
    switch (type) {
    case LocalApicRecord: {
        u8 apic_id = *record.u8_at(3);
        if (apic_id == 0xFF) // broadcast: not a real CPU
            return;
        add_cpu(info, apic_id, *record.u8_at(2), *record.u32_at(4));
        return;
    }
    case LocalX2ApicRecord:
        add_cpu(info, *record.u32_at(4), *record.u32_at(12), *record.u32_at(8));
        return;
    case IoApicRecord: {
        u32 address = *record.u32_at(4);
        if (address == 0 || info.ioapic_count == PlatformInfo::MAX_IOAPICS) {
            ++info.dropped_entries;
            return;
        }
        info.ioapics[info.ioapic_count++] = IoApic { *record.u8_at(2), address, *record.u32_at(8) };
        return;
    }
    case OverrideRecord: {
        if (info.override_count == PlatformInfo::MAX_OVERRIDES) {
            ++info.dropped_entries;
            return;
        }
        u16 flags = *record.u16_at(8);
        info.overrides[info.override_count++] = InterruptOverride { *record.u8_at(2), *record.u8_at(3),
            *record.u32_at(4), decode_polarity(flags), decode_trigger(flags) };
        return;
    }
    case NmiSourceRecord: {
        if (info.nmi_source_count == PlatformInfo::MAX_NMI_SOURCES) {
            ++info.dropped_entries;
            return;
        }
        u16 flags = *record.u16_at(2);
        info.nmi_sources[info.nmi_source_count++] = NmiSource { *record.u32_at(4), decode_polarity(flags), decode_trigger(flags) };
        return;
    }
    case LocalApicNmiRecord: {
        u8 uid = *record.u8_at(2);
        add_lapic_nmi(info, uid == 0xFF ? 0xFFFFFFFFu : uid, *record.u8_at(5), *record.u16_at(3));
        return;
    }
    case LocalX2ApicNmiRecord:
        add_lapic_nmi(info, *record.u32_at(4), *record.u8_at(8), *record.u16_at(2));
        return;
    case LocalApicAddressRecord: {
        u64 address = *record.u64_at(4);
        if (address != 0)
            info.local_apic_address = address;
        return;
    }
    default:
        // Types we do not use (GIC, SAPIC, wakeup mailbox, ...).
        return;
    }
}

} // namespace

Result<void> parse_madt(AcpiTable const& table, PlatformInfo& info)
{
    if (!table.has_signature("APIC"))
        return Error::BadMessage;
    ByteReader const& bytes = table.bytes();
    if (!bytes.contains(0, MADT_FIXED_LENGTH))
        return Error::BadMessage;

    info.has_madt = true;
    info.local_apic_address = *bytes.u32_at(36);
    info.has_legacy_pics = *bytes.u32_at(40) & PCAT_COMPAT;

    // The 64-bit address override may come before or after the CPUs; records are
    // decoded in order, and the override simply replaces the 32-bit address.
    usize offset = MADT_FIXED_LENGTH;
    while (offset < bytes.size()) {
        auto type = bytes.u8_at(offset);
        auto length = bytes.u8_at(offset + 1);
        if (!type || !length || *length < 2 || !bytes.contains(offset, *length)) {
            ++info.dropped_entries;
            break;
        }
        if (*length < minimum_length(*type))
            ++info.dropped_entries;
        else
            decode_record(bytes.slice(offset, *length), info);
        offset += *length;
    }
    return {};
}

} // namespace acpi
