// x86 system-call plumbing: MSR setup, the C++ side of the entry stub, and the
// first entry into user mode (kernel/arch/user_mode.h).
#include "arch/x86/syscall.h"

#include "arch/x86/gdt.h"
#include "arch/x86/interrupts.h"
#include "arch/x86/io.h"
#include "kernel/arch/user_mode.h"
#include "kernel/sched/scheduler.h"
#include "kernel/arch/user_access.h"
#include "kernel/proc/signal_delivery.h"
#include "kernel/syscall/syscall_dispatch.h"

extern "C" void x86_syscall_entry();
extern "C" [[noreturn]] void x86_enter_user_frame(x86::InterruptFrame* frame);

namespace x86 {
namespace {

constexpr u32 MSR_EFER = 0xC0000080;
constexpr u32 MSR_STAR = 0xC0000081;
constexpr u32 MSR_LSTAR = 0xC0000082;
constexpr u32 MSR_FMASK = 0xC0000084;
} // namespace

constexpr u64 RFLAGS_IF = 1u << 9;
constexpr u64 RFLAGS_RESERVED = 1u << 1;

void syscall_init()
{
    wrmsr(MSR_EFER, rdmsr(MSR_EFER) | 1); // SCE
    // STAR: kernel CS in 47:32; 63:48 is the base sysret would use (+8 SS, +16 CS).
    wrmsr(MSR_STAR, (u64(KERNEL_DATA_SELECTOR) << 48) | (u64(KERNEL_CODE_SELECTOR) << 32));
    wrmsr(MSR_LSTAR, reinterpret_cast<u64>(x86_syscall_entry));
    // Mask IF, TF, DF, AC on entry: the stub runs with interrupts off until it has a stack.
    wrmsr(MSR_FMASK, (1u << 9) | (1u << 8) | (1u << 10) | (1u << 18));
}

} // namespace x86

extern "C" void x86_syscall_dispatch(x86::InterruptFrame* frame)
{
    asm volatile("sti" : : : "memory");
    auto* registers = reinterpret_cast<arch::UserRegisters*>(frame);
    SyscallArgs args { { frame->rdi, frame->rsi, frame->rdx, frame->r10, frame->r8, frame->r9 }, registers };
    u64 number = frame->rax;
    i64 result = syscall_dispatch(number, args);
    // sigreturn restores the whole frame, including rax: leave it alone then.
    if (result != SYSCALL_KEEP_REGISTERS)
        frame->rax = u64(result);
    bool interrupted = result == -to_errno(Error::Interrupted);
    InterruptedCall call { number };
    bool handler_runs = deliver_pending_signals(*registers, interrupted ? &call : nullptr);
    // A call cut short by a signal that ran no handler (a stop, an ignored or
    // already-handled signal) starts again; with a handler, SA_RESTART decides.
    if (interrupted && !handler_runs)
        arch::restart_system_call(*registers, number);
    asm volatile("cli" : : : "memory");
    sched::preempt_if_needed();
}

namespace arch {

[[noreturn]] void resume_user_mode(UserRegisters const& registers)
{
    x86::InterruptFrame frame = registers.frame;
    x86_enter_user_frame(&frame);
}

u64 user_instruction_pointer(UserRegisters const& registers) { return registers.frame.rip; }
u64 user_stack_pointer(UserRegisters const& registers) { return registers.frame.rsp; }
void set_user_return_value(UserRegisters& registers, u64 value) { registers.frame.rax = value; }

void restart_system_call(UserRegisters& registers, u64 number)
{
    registers.frame.rip -= 2; // the 2-byte `syscall`
    registers.frame.rax = number;
}

void reset_user_registers(UserRegisters& registers, u64 entry, u64 stack_pointer)
{
    registers.frame = x86::InterruptFrame {};
    registers.frame.rip = entry;
    registers.frame.cs = x86::USER_CODE_SELECTOR;
    registers.frame.rflags = x86::RFLAGS_RESERVED | x86::RFLAGS_IF;
    registers.frame.rsp = stack_pointer;
    registers.frame.ss = x86::USER_DATA_SELECTOR;
}

void enter_signal_handler(UserRegisters& registers, u64 handler, u64 stack_pointer, int signal)
{
    registers.frame.rip = handler;
    registers.frame.rsp = stack_pointer;
    registers.frame.rdi = u64(signal);
    registers.frame.rsi = 0;
    registers.frame.rdx = 0;
    registers.frame.rflags &= ~(1ull << 10); // DF clear, as the ABI requires at calls
}

bool sanitize_user_registers(UserRegisters& registers)
{
    registers.frame.cs = x86::USER_CODE_SELECTOR;
    registers.frame.ss = x86::USER_DATA_SELECTOR;
    // Keep the arithmetic flags, DF and TF; force IF on, IOPL 0, no NT/VM/RF/AC oddities.
    constexpr u64 USER_CHANGEABLE = 0xCD5 | (1u << 8) | (1u << 10) | (1u << 11);
    registers.frame.rflags = (registers.frame.rflags & USER_CHANGEABLE) | x86::RFLAGS_RESERVED | x86::RFLAGS_IF;
    return registers.frame.rip < arch::USER_ADDRESS_END && registers.frame.rsp < arch::USER_ADDRESS_END;
}

[[noreturn]] void enter_user_mode(u64 entry, u64 stack_pointer)
{
    // Build the frame at the top of this thread's kernel stack region in use now;
    // the stub pops it and irets.
    x86::InterruptFrame frame {};
    frame.rip = entry;
    frame.cs = x86::USER_CODE_SELECTOR;
    frame.rflags = x86::RFLAGS_RESERVED | x86::RFLAGS_IF;
    frame.rsp = stack_pointer;
    frame.ss = x86::USER_DATA_SELECTOR;
    x86_enter_user_frame(&frame);
}

} // namespace arch
