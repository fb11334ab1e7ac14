// PlatformInfo: what the kernel needs to know about the board's interrupt
// hardware, buses and power control, decoded from ACPI (MADT, MCFG, HPET, FADT
// and the DSDT's \_S5_). Fixed-size arrays so it can be filled before the heap
// exists; entries beyond a limit are counted in dropped_entries, not stored.
#pragma once

#include "kernel/lib/types.h"

namespace acpi {

enum class Polarity : u8 { BusDefault, ActiveHigh, ActiveLow };
enum class Trigger : u8 { BusDefault, Edge, Level };

struct LocalApic {
    u32 apic_id;
    u32 processor_uid;
    bool enabled;
    // Disabled now but may be brought online later (ACPI 6.3 flag).
    bool online_capable;
};

struct IoApic {
    u8 id;
    PhysAddr address;
    u32 gsi_base;
};

// An ISA IRQ wired to a different GSI, or with non-ISA polarity/trigger.
struct InterruptOverride {
    u8 bus;
    u8 source_irq;
    u32 gsi;
    Polarity polarity;
    Trigger trigger;
};

// A local APIC LINT pin wired to NMI. processor_uid 0xFFFFFFFF means every CPU.
struct LocalApicNmi {
    u32 processor_uid;
    u8 lint;
    Polarity polarity;
    Trigger trigger;
};

// A GSI that delivers NMI instead of a normal interrupt.
struct NmiSource {
    u32 gsi;
    Polarity polarity;
    Trigger trigger;
};

// PCI Express memory-mapped configuration space for one segment's bus range.
struct EcamRegion {
    PhysAddr base;
    u16 segment;
    u8 bus_start;
    u8 bus_end;
};

// Where an ISA IRQ arrives and how its line behaves, after overrides.
struct IsaIrqRoute {
    u32 gsi;
    bool active_low;
    bool level_triggered;
};

// Address spaces of an ACPI Generic Address Structure that this kernel may use.
enum class AddressSpace : u8 { SystemMemory = 0, SystemIo = 1, PciConfig = 2 };

// An ACPI Generic Address Structure (GAS), as the firmware wrote it.
struct GenericAddress {
    u8 space;
    u8 bit_width;
    u8 bit_offset;
    u8 access_size;
    u64 address;

    bool is_io() const { return space == u8(AddressSpace::SystemIo); }
};

// How to turn the machine off (ACPI S5 through the PM1 control registers) and
// reset it (the FADT's reset register), from the FADT and the DSDT. A port of 0
// means the register is absent.
struct PowerControl {
    bool has_fadt { false };
    u16 pm1a_control_port { 0 };
    u16 pm1b_control_port { 0 };
    // Writing acpi_enable_value to smi_command_port hands the PM registers from
    // SMM to the OS (sets SCI_EN); a port of 0 means the machine is always in
    // ACPI mode.
    u16 smi_command_port { 0 };
    u8 acpi_enable_value { 0 };
    // Where the DSDT was looked for (X_DSDT when set, else DSDT); 0 if neither.
    PhysAddr dsdt_address { 0 };
    // The SLP_TYPa/SLP_TYPb values of the DSDT's \_S5_ package (3 bits each).
    bool has_s5 { false };
    u8 s5_sleep_type_a { 0 };
    u8 s5_sleep_type_b { 0 };
    // RESET_REG_SUP was set and the table is long enough to hold the register.
    bool has_reset_register { false };
    GenericAddress reset_register {};
    u8 reset_value { 0 };

    bool can_power_off() const { return has_s5 && pm1a_control_port != 0; }
};

struct PlatformInfo {
    static constexpr usize MAX_CPUS = 256;
    static constexpr usize MAX_IOAPICS = 16;
    static constexpr usize MAX_OVERRIDES = 32;
    static constexpr usize MAX_LAPIC_NMIS = 32;
    static constexpr usize MAX_NMI_SOURCES = 8;
    static constexpr usize MAX_ECAM_REGIONS = 16;

    u8 acpi_revision { 0 };
    char oem_id[7] {};

    bool has_madt { false };
    // The local APIC base from the MADT (or its 64-bit override); 0 without a MADT.
    PhysAddr local_apic_address { 0 };
    // MADT PCAT_COMPAT: legacy 8259 PICs are present and must be masked.
    bool has_legacy_pics { false };

    LocalApic cpus[MAX_CPUS] {};
    usize cpu_count { 0 };
    usize enabled_cpu_count { 0 };
    IoApic ioapics[MAX_IOAPICS] {};
    usize ioapic_count { 0 };
    InterruptOverride overrides[MAX_OVERRIDES] {};
    usize override_count { 0 };
    LocalApicNmi lapic_nmis[MAX_LAPIC_NMIS] {};
    usize lapic_nmi_count { 0 };
    NmiSource nmi_sources[MAX_NMI_SOURCES] {};
    usize nmi_source_count { 0 };

    EcamRegion ecam[MAX_ECAM_REGIONS] {};
    usize ecam_count { 0 };

    bool has_hpet { false };
    PhysAddr hpet_address { 0 };
    u16 hpet_min_tick { 0 };

    PowerControl power {};

    // Entries that did not fit the arrays above (or were malformed but skippable).
    usize dropped_entries { 0 };

    // Forgets everything (counts and flags) without a large temporary on the stack.
    void reset();

    // Applies the interrupt source overrides to an ISA IRQ (0-15): without an
    // override the IRQ is GSI irq, edge-triggered, active high.
    IsaIrqRoute route_isa_irq(u8 irq) const;
    // The IOAPIC whose GSI range starts at or below gsi closest to it, or null.
    // (Its size is known only to the hardware; the caller checks the upper end.)
    IoApic const* ioapic_for_gsi(u32 gsi) const;
    LocalApic const* cpu_by_apic_id(u32 apic_id) const;
};

} // namespace acpi
