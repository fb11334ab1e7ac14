// Exception reporting and recovery for the x86 kernel (see exceptions.h).
#include "arch/x86/exceptions.h"

#include "arch/x86/paging.h"
#include "kernel/arch/cpu.h"
#include "kernel/arch/user_access.h"
#include "kernel/debug/debug_print.h"
#include "kernel/debug/symbol_table.h"
#include "kernel/lib/format.h"
#include "kernel/panic.h"
#include "kernel/proc/process.h"
#include "kernel/proc/user_faults.h"

extern "C" x86::ExtableEntry const __start_unum_extable[];
extern "C" x86::ExtableEntry const __stop_unum_extable[];
extern "C" u8 __kernel_start[];
extern "C" u8 __kernel_end[];

namespace x86 {
namespace {

RecoveredFault g_last_fault;

char const* const g_exception_names[32] = {
    "Divide error (#DE)", "Debug (#DB)", "NMI", "Breakpoint (#BP)", "Overflow (#OF)",
    "Bound range (#BR)", "Invalid opcode (#UD)", "Device not available (#NM)",
    "Double fault (#DF)", "Coprocessor segment overrun", "Invalid TSS (#TS)",
    "Segment not present (#NP)", "Stack fault (#SS)", "General protection (#GP)",
    "Page fault (#PF)", "Reserved 15", "x87 FP error (#MF)", "Alignment check (#AC)",
    "Machine check (#MC)", "SIMD FP error (#XM)", "Virtualization (#VE)",
    "Control protection (#CP)", "Reserved 22", "Reserved 23", "Reserved 24", "Reserved 25",
    "Reserved 26", "Reserved 27", "Hypervisor injection (#HV)", "VMM communication (#VC)",
    "Security (#SX)", "Reserved 31",
};

u64 read_cr2()
{
    u64 value;
    asm volatile("mov %%cr2, %0" : "=r"(value));
    return value;
}
u64 read_cr3()
{
    u64 value;
    asm volatile("mov %%cr3, %0" : "=r"(value));
    return value;
}

// A frame pointer we may follow: 8-byte aligned, inside the kernel image or the direct map.
bool plausible_frame(u64 rbp)
{
    if (rbp == 0 || (rbp & 7) != 0)
        return false;
    if (rbp >= reinterpret_cast<u64>(__kernel_start) && rbp + 16 <= reinterpret_cast<u64>(__kernel_end))
        return true;
    return rbp >= DIRECT_MAP_BASE && rbp < DIRECT_MAP_BASE + (u64(1) << 40);
}

void print_frame(int index, u64 address)
{
    SymbolLookup sym = kernel_symbols().lookup(address);
    if (sym.name)
        debug_print("  #%d 0x%016llx %s+0x%llx\n", index, (unsigned long long)address, sym.name, (unsigned long long)sym.offset);
    else
        debug_print("  #%d 0x%016llx ?\n", index, (unsigned long long)address);
}

} // namespace

char const* exception_name(u64 vector) { return vector < 32 ? g_exception_names[vector] : "Interrupt"; }

RecoveredFault last_recovered_fault() { return g_last_fault; }

void print_registers(InterruptFrame const& f)
{
    debug_print("RIP=%016llx RSP=%016llx RFLAGS=%016llx\n", (unsigned long long)f.rip, (unsigned long long)f.rsp,
        (unsigned long long)f.rflags);
    debug_print("RAX=%016llx RBX=%016llx RCX=%016llx RDX=%016llx\n", (unsigned long long)f.rax, (unsigned long long)f.rbx,
        (unsigned long long)f.rcx, (unsigned long long)f.rdx);
    debug_print("RSI=%016llx RDI=%016llx RBP=%016llx R8 =%016llx\n", (unsigned long long)f.rsi, (unsigned long long)f.rdi,
        (unsigned long long)f.rbp, (unsigned long long)f.r8);
    debug_print("R9 =%016llx R10=%016llx R11=%016llx R12=%016llx\n", (unsigned long long)f.r9, (unsigned long long)f.r10,
        (unsigned long long)f.r11, (unsigned long long)f.r12);
    debug_print("R13=%016llx R14=%016llx R15=%016llx\n", (unsigned long long)f.r13, (unsigned long long)f.r14,
        (unsigned long long)f.r15);
    debug_print("CS=%04llx SS=%04llx CR2=%016llx CR3=%016llx ERR=%llx\n", (unsigned long long)f.cs, (unsigned long long)f.ss,
        (unsigned long long)read_cr2(), (unsigned long long)read_cr3(), (unsigned long long)f.error_code);
}

void print_backtrace_from(u64 rip, u64 rbp)
{
    debug_print("Backtrace:\n");
    print_frame(0, rip);
    for (int depth = 1; depth < 32 && plausible_frame(rbp); ++depth) {
        u64 const* frame = reinterpret_cast<u64 const*>(rbp);
        u64 return_address = frame[1];
        if (return_address == 0)
            break;
        // The call instruction is just before the return address.
        print_frame(depth, return_address - 1);
        if (frame[0] <= rbp)
            break; // frames grow upwards; anything else is a broken chain
        rbp = frame[0];
    }
}

// Faults of user programs: page faults below the user-half end go to the VM;
// what it cannot resolve, and every other exception from user mode, kills the
// process with the matching signal. Returns true when the fault was handled.
bool handle_user_fault(InterruptFrame& frame)
{
    bool from_user = (frame.cs & 3) == 3;
    if (frame.vector == 14) {
        u64 address = read_cr2();
        if (!current_process())
            return false;
        if (address >= arch::USER_ADDRESS_END) {
            if (!from_user)
                return false; // the kernel's own fault: report it
            asm volatile("sti");
            kill_current_process_for_fault(signals::SIGSEGV, address, frame.rip);
        }
        // The VM may sleep on the address space's lock: interrupts back on, as
        // they were where the fault happened.
        if (frame.rflags & (1u << 9))
            asm volatile("sti");
        bool write = frame.error_code & 2;
        bool fetch = frame.error_code & 16;
        if (!resolve_user_page_fault(address, write, from_user, fetch).is_error())
            return true;
        if (from_user)
            kill_current_process_for_fault(signals::SIGSEGV, address, frame.rip);
        asm volatile("cli");
        return false; // kernel touching a bad user pointer: the exception table decides
    }
    if (!from_user)
        return false;
    asm volatile("sti");
    int signal = signals::SIGSEGV;
    if (frame.vector == 0 || frame.vector == 16 || frame.vector == 19)
        signal = signals::SIGFPE;
    else if (frame.vector == 6)
        signal = signals::SIGILL;
    else if (frame.vector == 3 || frame.vector == 1)
        signal = signals::SIGTRAP;
    kill_current_process_for_fault(signal, frame.vector == 14 ? read_cr2() : 0, frame.rip);
}

void handle_exception(InterruptFrame& frame)
{
    if (handle_user_fault(frame))
        return;
    for (ExtableEntry const* e = __start_unum_extable; e < __stop_unum_extable; ++e) {
        if (e->fault_rip == frame.rip) {
            g_last_fault.vector = frame.vector;
            g_last_fault.error_code = frame.error_code;
            g_last_fault.cr2 = frame.vector == 14 ? read_cr2() : 0;
            g_last_fault.count++;
            frame.rip = e->fixup_rip;
            return;
        }
    }
    debug_print("\nEXCEPTION: %s, vector %llu, error code 0x%llx\n", exception_name(frame.vector),
        (unsigned long long)frame.vector, (unsigned long long)frame.error_code);
    if (frame.vector == 14) {
        u64 err = frame.error_code;
        debug_print("Page fault at CR2=%016llx: %s, %s, %s%s\n", (unsigned long long)read_cr2(),
            (err & 1) ? "protection violation" : "page not present", (err & 2) ? "write" : "read",
            (err & 4) ? "user mode" : "kernel mode", (err & 16) ? ", instruction fetch" : "");
    }
    print_registers(frame);
    print_backtrace_from(frame.rip, frame.rbp);
    panic("unhandled %s", exception_name(frame.vector));
}

} // namespace x86

namespace arch {

void print_backtrace()
{
    u64 rbp = reinterpret_cast<u64>(__builtin_frame_address(0));
    x86::print_backtrace_from(reinterpret_cast<u64>(__builtin_return_address(0)) - 1,
        *reinterpret_cast<u64 const*>(rbp));
}

} // namespace arch
