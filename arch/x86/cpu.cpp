// x86 implementation of the CPU part of the arch seam (kernel/arch/cpu.h);
// reboot and power_off live in power.cpp.
#include "arch/x86/io.h"
#include "arch/x86/serial.h"
#include "kernel/arch/cpu.h"

namespace arch {

InterruptState interrupts_save_disable()
{
    u64 flags;
    asm volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
    return flags & (1u << 9);
}

void interrupts_restore(InterruptState state)
{
    if (state)
        asm volatile("sti" : : : "memory");
    else
        asm volatile("cli" : : : "memory");
}

void interrupts_enable() { asm volatile("sti" : : : "memory"); }
void interrupts_disable() { asm volatile("cli" : : : "memory"); }

bool interrupts_enabled()
{
    u64 flags;
    asm volatile("pushfq; popq %0" : "=r"(flags));
    return flags & (1u << 9);
}

void cpu_relax() { asm volatile("pause"); }
void wait_for_interrupt() { asm volatile("sti; hlt" : : : "memory"); }

[[noreturn]] void halt_forever()
{
    for (;;)
        asm volatile("cli; hlt");
}

u32 current_cpu() { return 0; }

void debug_write(char const* text, usize length) { x86::serial_write_unlocked(text, length); }

[[noreturn]] void exit_emulator(int status)
{
    // QEMU's isa-debug-exit at 0xf4 exits with (status << 1) | 1; absent, this is a no-op.
    x86::outl(0xf4, u32(status));
    halt_forever();
}

} // namespace arch
