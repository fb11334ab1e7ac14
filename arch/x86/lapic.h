// The local APIC of the boot CPU: accepts interrupts, acknowledges them (EOI),
// and owns the per-CPU timer. Reached through its MMIO page (xAPIC) or, when the
// firmware left x2APIC mode on, through MSRs.
#pragma once

#include "kernel/acpi/platform_info.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace x86 {

enum class LapicRegister : u32 {
    Id = 0x20,
    Version = 0x30,
    TaskPriority = 0x80,
    Eoi = 0xB0,
    SpuriousVector = 0xF0,
    ErrorStatus = 0x280,
    LvtTimer = 0x320,
    LvtThermal = 0x330,
    LvtPerformance = 0x340,
    LvtLint0 = 0x350,
    LvtLint1 = 0x360,
    LvtError = 0x370,
    TimerInitialCount = 0x380,
    TimerCurrentCount = 0x390,
    TimerDivide = 0x3E0,
};

inline constexpr u32 LVT_MASKED = 1u << 16;
inline constexpr u32 LVT_TIMER_PERIODIC = 1u << 17;
inline constexpr u32 LAPIC_TIMER_DIVIDE_BY_16 = 0x3;

// Enables the boot CPU's LAPIC: base from info.local_apic_address (the MADT) or
// the IA32_APIC_BASE MSR, mapped with map_mmio; spurious vector SPURIOUS_VECTOR,
// task priority 0, LINT0 and the error/thermal/perf LVTs masked, NMI on the LINT
// pins the MADT names. NotSupported when CPUID reports no APIC. Boot CPU, once,
// interrupts off.
Result<void> lapic_init(acpi::PlatformInfo const& info);
bool lapic_present();
bool lapic_x2apic_mode();
PhysAddr lapic_base();

// This CPU's APIC id (0 before lapic_init).
u32 lapic_id();

// Raw register access; lapic_init must have succeeded.
u32 lapic_read(LapicRegister reg);
void lapic_write(LapicRegister reg, u32 value);

// lapic_eoi() is declared in arch/x86/interrupts.h (the dispatcher calls it).

} // namespace x86
