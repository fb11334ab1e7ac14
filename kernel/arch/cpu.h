// The arch seam, CPU part: what portable code may ask of the processor.
// Implemented by arch/x86/ for the kernel and tests/host/fake_arch/ for host tests.
#pragma once

#include "kernel/lib/types.h"

namespace arch {

using InterruptState = u64;

// Disables interrupts on this CPU and returns the previous state for restore.
InterruptState interrupts_save_disable();
void interrupts_restore(InterruptState state);
void interrupts_enable();
void interrupts_disable();
bool interrupts_enabled();

// Spin-wait hint (pause).
void cpu_relax();
// Sleeps until the next interrupt (hlt with interrupts enabled).
void wait_for_interrupt();
[[noreturn]] void halt_forever();

// Index of the executing CPU (0 until SMP exists).
u32 current_cpu();

// Writes raw bytes to the earliest debug sink (serial on x86), bypassing locks:
// usable from panics and before the log exists.
void debug_write(char const* text, usize length);

// Prints a symbolized backtrace of the calling context to the debug sink.
void print_backtrace();

// Stops the machine: reboot, or in QEMU self-test mode exit with a status.
// Portable code shuts down through system_shutdown (kernel/power/shutdown.h),
// which runs the shutdown hooks first.
[[noreturn]] void reboot();
[[noreturn]] void exit_emulator(int status);
// Turns the machine off (ACPI S5). Where that is impossible or does not take,
// logs "power off failed; it is now safe to turn off the machine" and halts
// with interrupts off.
[[noreturn]] void power_off();

// Deliberately raises the named CPU fault ("pagefault", "gp", "ud", "divide") so
// tests can see the exception report; returns only for an unknown kind.
void trigger_deliberate_fault(char const* kind);

} // namespace arch
