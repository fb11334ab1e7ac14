// x86 platform bring-up after memory (see platform_init.h): FPU and CPU features,
// the legacy PICs remapped and masked, ACPI's MADT, IOAPIC and LAPIC (falling back
// to the PIC when either is missing), ACPI power control (power.cpp), PCI
// configuration access (ECAM or ports, pci_config.cpp), the calibrated 1 kHz
// timer driving the scheduler, the screen console, and console input/output per
// `console=`.
#include "arch/x86/platform_init.h"

#include "arch/x86/cpuid_features.h"
#include "arch/x86/fpu.h"
#include "arch/x86/ioapic.h"
#include "arch/x86/lapic.h"
#include "arch/x86/pci_config.h"
#include "arch/x86/pic.h"
#include "arch/x86/power.h"
#include "arch/x86/ps2_keyboard.h"
#include "arch/x86/screen_console.h"
#include "arch/x86/serial.h"
#include "arch/x86/syscall.h"
#include "arch/x86/timer.h"
#include "kernel/acpi/acpi.h"
#include "kernel/console/console.h"
#include "kernel/init/kernel_main.h"
#include "kernel/init/system_console.h"
#include "kernel/log/klog.h"
#include "kernel/panic.h"
#include "kernel/sched/scheduler.h"

namespace x86 {
namespace {

acpi::PlatformInfo g_platform; // ~6 KiB: static, never on the boot stack

void serial_output(char const* text, usize length, void*) { serial_write(text, length); }
void serial_output_raw(char const* text, usize length, void*) { serial_write_raw(text, length); }
void screen_output_raw(char const* text, usize length, void*) { console_write_raw(text, length); }
void keyboard_input(u8 const* bytes, usize length, void*)
{
    for (usize i = 0; i < length; ++i)
        system_console_receive(bytes[i]);
}
void serial_input(u8 byte, void*) { system_console_receive(byte); }

void init_acpi(BootInfo const& boot_info)
{
    // ACPI tables live below 4 GiB, which the direct map always covers.
    PhysAddr mapped_end = align_up(boot_info.highest_usable_address(), GiB);
    if (mapped_end < 4 * GiB)
        mapped_end = 4 * GiB;
    auto memory = acpi::direct_map_memory(mapped_end);
    AcpiRsdp const* rsdp = boot_info.acpi_rsdp();
    auto parsed = rsdp ? acpi::parse_platform(memory, rsdp->bytes, rsdp->length, g_platform)
                       : acpi::parse_platform(memory, nullptr, 0, g_platform);
    if (parsed.is_error()) {
        log_warn("acpi: %s; no MADT, using the legacy PIC", error_name(parsed.error()));
        return;
    }
    log_info("acpi: rev %u %s, %zu CPUs (%zu enabled), %zu IOAPICs, %zu overrides, HPET %s, %zu ECAM",
        unsigned(g_platform.acpi_revision), g_platform.oem_id, g_platform.cpu_count, g_platform.enabled_cpu_count,
        g_platform.ioapic_count, g_platform.override_count, g_platform.has_hpet ? "yes" : "no",
        g_platform.ecam_count);
    power_init(g_platform.power);
}

void init_interrupt_controllers()
{
    // APIC mode needs both halves; with either missing, timer_init falls back to the PIC.
    if (!g_platform.has_madt)
        return;
    if (auto io = ioapic_init(g_platform); io.is_error())
        log_warn("ioapic: %s; using the legacy PIC", error_name(io.error()));
    else if (auto lapic = lapic_init(g_platform); lapic.is_error())
        log_warn("lapic: %s; using the legacy PIC", error_name(lapic.error()));
}

void log_cpu()
{
    CpuFeatures const& cpu = boot_cpu_features();
    log_info("cpu: %s %s family %u model %u stepping %u", cpu.vendor(), cpu.brand(), cpu.family(), cpu.model(),
        cpu.stepping());
    static char features[1024];
    cpu.format(features, sizeof(features));
    log_info("cpu: %s", features);
}

} // namespace

void platform_init(BootInfo const& boot_info, CommandLine const& command_line)
{
    fpu_init();
    syscall_init();
    cpu_features_init(); // before timer_init, which asks for an invariant TSC
    pic_disable();
    init_acpi(boot_info);
    init_interrupt_controllers();
    pci_config_init(g_platform); // before kernel_main enumerates the bus
    log_cpu();
    if (auto timer = timer_init(KERNEL_TICK_HZ, sched::on_timer_tick); timer.is_error())
        panic("timer: %s", error_name(timer.error()));

    ConsoleSelection selection { true, true };
    if (command_line.has("console")) {
        if (auto chosen = console_parse_selection(command_line.get("console")); !chosen.is_error())
            selection = chosen.value();
        else
            log_warn("console: unknown selection, using serial and screen");
    }
    bool screen = selection.screen && screen_console_init(boot_info);
    if (selection.serial || !screen)
        system_console_add_output(serial_output, serial_output_raw, nullptr);
    if (screen)
        system_console_add_output(console_output, screen_output_raw, nullptr);
    serial_enable_input(serial_input, nullptr);
    if (auto keyboard = ps2_keyboard_init(keyboard_input, nullptr); keyboard.is_error())
        log_warn("ps2: no keyboard: %s", error_name(keyboard.error()));
}

} // namespace x86
