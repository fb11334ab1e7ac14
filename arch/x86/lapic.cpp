// Local APIC bring-up and access. The MADT's NMI entries decide how LINT pins are
// programmed; everything else we do not use is masked so stray local interrupts
// cannot arrive on vectors nobody handles.
#include "arch/x86/lapic.h"

#include "arch/x86/interrupts.h"
#include "arch/x86/io.h"
#include "arch/x86/paging.h"
#include "arch/x86/pic.h"

namespace x86 {

namespace {

constexpr u32 IA32_APIC_BASE = 0x1B;
constexpr u64 APIC_BASE_ENABLE = 1ull << 11;
constexpr u64 APIC_BASE_X2APIC = 1ull << 10;
constexpr u64 APIC_BASE_ADDRESS_MASK = 0x000F'FFFF'FFFF'F000ull;
constexpr u32 X2APIC_MSR_BASE = 0x800;
constexpr u32 SVR_APIC_ENABLE = 1u << 8;
constexpr u32 LVT_DELIVERY_NMI = 4u << 8;
constexpr u32 LVT_ACTIVE_LOW = 1u << 13;
constexpr u32 CPUID_1_EDX_APIC = 1u << 9;

volatile u32* g_registers = nullptr;
bool g_x2apic = false;
bool g_present = false;
PhysAddr g_base = 0;
u32 g_id = 0;

u32 nmi_lvt(acpi::LocalApicNmi const& nmi)
{
    // NMI delivery is always edge-sensitive, so the MADT's trigger flag is moot.
    u32 value = LVT_DELIVERY_NMI;
    if (nmi.polarity == acpi::Polarity::ActiveLow)
        value |= LVT_ACTIVE_LOW;
    return value;
}

} // namespace

u32 lapic_read(LapicRegister reg)
{
    if (g_x2apic)
        return u32(rdmsr(X2APIC_MSR_BASE + (u32(reg) >> 4)));
    return g_registers[u32(reg) / 4];
}

void lapic_write(LapicRegister reg, u32 value)
{
    if (g_x2apic) {
        wrmsr(X2APIC_MSR_BASE + (u32(reg) >> 4), value);
        return;
    }
    g_registers[u32(reg) / 4] = value;
}

Result<void> lapic_init(acpi::PlatformInfo const& info)
{
    if (!(cpuid(1).edx & CPUID_1_EDX_APIC))
        return Error::NotSupported;

    u64 msr = rdmsr(IA32_APIC_BASE);
    g_x2apic = msr & APIC_BASE_X2APIC;
    g_base = info.local_apic_address ? info.local_apic_address : (msr & APIC_BASE_ADDRESS_MASK);
    if (!(msr & APIC_BASE_ENABLE))
        wrmsr(IA32_APIC_BASE, msr | APIC_BASE_ENABLE);
    if (!g_x2apic)
        g_registers = static_cast<volatile u32*>(TRY(map_mmio(g_base, PAGE_SIZE)));

    g_id = g_x2apic ? lapic_read(LapicRegister::Id) : lapic_read(LapicRegister::Id) >> 24;

    lapic_write(LapicRegister::TaskPriority, 0);
    lapic_write(LapicRegister::LvtTimer, LVT_MASKED);
    lapic_write(LapicRegister::LvtLint0, LVT_MASKED);
    lapic_write(LapicRegister::LvtLint1, LVT_MASKED);
    lapic_write(LapicRegister::LvtError, LVT_MASKED);
    u32 max_lvt = (lapic_read(LapicRegister::Version) >> 16) & 0xFF;
    if (max_lvt >= 4)
        lapic_write(LapicRegister::LvtPerformance, LVT_MASKED);
    if (max_lvt >= 5)
        lapic_write(LapicRegister::LvtThermal, LVT_MASKED);

    // NMI wiring from the MADT, for this CPU or for all (uid 0xFFFFFFFF).
    acpi::LocalApic const* self = info.cpu_by_apic_id(g_id);
    for (usize i = 0; i < info.lapic_nmi_count; ++i) {
        acpi::LocalApicNmi const& nmi = info.lapic_nmis[i];
        if (nmi.processor_uid != 0xFFFFFFFFu && (!self || self->processor_uid != nmi.processor_uid))
            continue;
        lapic_write(nmi.lint == 0 ? LapicRegister::LvtLint0 : LapicRegister::LvtLint1, nmi_lvt(nmi));
    }
    // Clear stale errors (the ESR is write-then-read) and any interrupt left in service.
    lapic_write(LapicRegister::ErrorStatus, 0);
    lapic_write(LapicRegister::ErrorStatus, 0);
    lapic_write(LapicRegister::SpuriousVector, SVR_APIC_ENABLE | SPURIOUS_VECTOR);
    lapic_write(LapicRegister::Eoi, 0);
    g_present = true;
    return {};
}

bool lapic_present() { return g_present; }
bool lapic_x2apic_mode() { return g_x2apic; }
PhysAddr lapic_base() { return g_base; }
u32 lapic_id() { return g_id; }

void lapic_eoi()
{
    if (g_present) {
        lapic_write(LapicRegister::Eoi, 0);
        return;
    }
    if (pic_fallback_active())
        pic_eoi();
}

} // namespace x86
