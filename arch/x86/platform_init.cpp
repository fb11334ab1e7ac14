// TEMPORARY stub platform bring-up (replaced when the APIC/timer code lands).
#include "arch/x86/platform_init.h"
#include "arch/x86/fpu.h"
#include "arch/x86/screen_console.h"
#include "arch/x86/io.h"
#include "kernel/arch/time.h"

namespace x86 {
void platform_init(BootInfo const& b, CommandLine const&) { fpu_init(); outb(0x21, 0xff); outb(0xa1, 0xff); screen_console_init(b); }
Result<void> ioapic_route_irq(u8, u8) { return {}; }
void lapic_eoi() { }
}
namespace arch {
u64 monotonic_ns() { return x86::rdtsc(); }
u64 cycle_counter() { return x86::rdtsc(); }
}
