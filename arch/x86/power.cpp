// arch::power_off and arch::reboot on x86. Both run with interrupts off and wait
// with bounded spins on the TSC clock, since the chipset may act a little after
// the write (QEMU, for one, handles the request in its main loop).
#include "arch/x86/power.h"

#include "arch/x86/io.h"
#include "kernel/arch/cpu.h"
#include "kernel/arch/time.h"
#include "kernel/lib/format.h"
#include "kernel/log/klog.h"

namespace x86 {
namespace {

// PM1 control register bits (ACPI 4.8.3.2.1).
constexpr u16 SCI_EN = 1u << 0;
constexpr u16 GBL_RLS = 1u << 2; // write-only: a 1 raises an SMI, never copy it back
constexpr u16 SLP_TYP_SHIFT = 10;
constexpr u16 SLP_TYP_MASK = 7u << SLP_TYP_SHIFT;
constexpr u16 SLP_EN = 1u << 13;

// ACPICA waits this long for the firmware to hand over (SCI_EN).
constexpr u64 ACPI_ENABLE_TIMEOUT_NS = 3'000'000'000;
constexpr u64 POWER_OFF_GRACE_NS = 3'000'000'000;
constexpr u64 RESET_GRACE_NS = 500'000'000;

acpi::PowerControl g_power;

// Waits until done() or about timeout_ns. Before the clock is calibrated
// (monotonic_ns reads 0) it counts port-0x80 writes of about a microsecond.
template<typename Predicate>
bool wait_until(Predicate done, u64 timeout_ns)
{
    u64 start = arch::monotonic_ns();
    for (u64 spins = 0;; ++spins) {
        if (done())
            return true;
        u64 now = arch::monotonic_ns();
        if (now == 0 ? spins >= timeout_ns / 1000 : now - start >= timeout_ns)
            return false;
        io_wait();
    }
}

void wait_for(u64 ns)
{
    (void)wait_until([] { return false; }, ns);
}

// Hands the PM registers from SMM to us. Without SMI_CMD the machine is always
// in ACPI mode; if SCI_EN still does not come on, S5 is tried regardless.
void enable_acpi_mode(u16 pm1a)
{
    if (inw(pm1a) & SCI_EN)
        return;
    if (g_power.smi_command_port == 0 || g_power.acpi_enable_value == 0) {
        log_warn("power: SCI_EN is clear and the FADT names no way to enable ACPI mode");
        return;
    }
    outb(g_power.smi_command_port, g_power.acpi_enable_value);
    if (!wait_until([pm1a] { return (inw(pm1a) & SCI_EN) != 0; }, ACPI_ENABLE_TIMEOUT_NS))
        log_warn("power: ACPI mode did not come on (SCI_EN clear)");
}

// The control value selecting sleep type, other bits kept and SLP_EN clear.
u16 with_sleep_type(u16 port, u8 sleep_type)
{
    u16 kept = inw(port) & u16(~(SLP_TYP_MASK | SLP_EN | GBL_RLS));
    return u16(kept | (u16(sleep_type & 7) << SLP_TYP_SHIFT));
}

void enter_s5()
{
    u16 pm1a = g_power.pm1a_control_port;
    u16 pm1b = g_power.pm1b_control_port;
    enable_acpi_mode(pm1a);
    // As ACPICA does: the sleep types first, then SLP_EN, a before b.
    u16 a = with_sleep_type(pm1a, g_power.s5_sleep_type_a);
    u16 b = pm1b ? with_sleep_type(pm1b, g_power.s5_sleep_type_b) : 0;
    outw(pm1a, a);
    if (pm1b)
        outw(pm1b, b);
    outw(pm1a, u16(a | SLP_EN));
    if (pm1b)
        outw(pm1b, u16(b | SLP_EN));
}

void reset_through_acpi()
{
    acpi::GenericAddress const& reg = g_power.reset_register;
    if (!reg.is_io() || reg.address > 0xFFFF) {
        log_warn("power: reset register in address space %u is not supported", unsigned(reg.space));
        return;
    }
    log_info("power: reset through the ACPI reset register");
    outb(u16(reg.address), g_power.reset_value);
    wait_for(RESET_GRACE_NS);
    log_warn("power: the ACPI reset register did not reset the machine");
}

} // namespace

void power_init(acpi::PowerControl const& power)
{
    g_power = power;
    char pm1b[24] = "";
    if (power.pm1b_control_port)
        format(pm1b, sizeof(pm1b), " PM1b_CNT %#x", unsigned(power.pm1b_control_port));
    if (g_power.can_power_off())
        log_info("acpi: power off through PM1a_CNT %#x%s, S5 SLP_TYP %u/%u; SMI_CMD %#x",
            unsigned(power.pm1a_control_port), pm1b, unsigned(power.s5_sleep_type_a),
            unsigned(power.s5_sleep_type_b), unsigned(power.smi_command_port));
    else
        log_warn("acpi: no S5 power off (FADT %s, PM1a_CNT %#x, \\_S5_ %s)", power.has_fadt ? "yes" : "no",
            unsigned(power.pm1a_control_port), power.has_s5 ? "yes" : "no");
    if (g_power.has_reset_register)
        log_info("acpi: reset register space %u address %#llx value %#x", unsigned(power.reset_register.space),
            (unsigned long long)power.reset_register.address, unsigned(power.reset_value));
}

} // namespace x86

namespace arch {

[[noreturn]] void power_off()
{
    interrupts_disable();
    if (x86::g_power.can_power_off()) {
        x86::enter_s5();
        x86::wait_for(x86::POWER_OFF_GRACE_NS);
    }
    log_error("power off failed; it is now safe to turn off the machine");
    halt_forever();
}

[[noreturn]] void reboot()
{
    interrupts_disable();
    if (x86::g_power.has_reset_register)
        x86::reset_through_acpi();
    for (int i = 0; i < 100000 && (x86::inb(0x64) & 2); ++i)
        cpu_relax();
    x86::outb(0x64, 0xFE); // keyboard controller pulse of the reset line
    // Still here: a triple fault through an empty IDT resets the machine.
    struct [[gnu::packed]] {
        u16 limit;
        u64 base;
    } empty { 0, 0 };
    asm volatile("lidt %0; int3" : : "m"(empty));
    halt_forever();
}

} // namespace arch
