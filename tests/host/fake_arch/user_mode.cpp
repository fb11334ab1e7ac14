// Host fake of the user-mode seam: there is no user mode on the host, so entering
// it aborts; the register accessors work on the fake UserRegisters.
#include <cstdlib>

#include "kernel/arch/user_mode.h"

namespace arch {

[[noreturn]] void enter_user_mode(u64, u64) { abort(); }
[[noreturn]] void resume_user_mode(UserRegisters const&) { abort(); }
u64 user_instruction_pointer(UserRegisters const& registers) { return registers.ip; }
u64 user_stack_pointer(UserRegisters const& registers) { return registers.sp; }
void set_user_return_value(UserRegisters& registers, u64 value) { registers.result = value; }
void restart_system_call(UserRegisters& registers, u64 number)
{
    registers.ip -= 2;
    registers.result = number;
}

void reset_user_registers(UserRegisters& registers, u64 entry, u64 stack_pointer)
{
    registers = UserRegisters { entry, stack_pointer, 0, 0, 0 };
}

void enter_signal_handler(UserRegisters& registers, u64 handler, u64 stack_pointer, int signal)
{
    registers.ip = handler;
    registers.sp = stack_pointer;
    registers.arg0 = u64(signal);
}

bool sanitize_user_registers(UserRegisters& registers) { return registers.ip < 0x0000800000000000ull; }

} // namespace arch
