// CPU exception handling: the report (registers, CR2, symbolized backtrace) and the
// exception table that lets chosen instructions fault and resume at a fixup
// (used by self-tests now and by copy_from_user later).
#pragma once

#include "arch/x86/interrupts.h"

namespace x86 {

// An entry of the exception table (section unum_extable): a fault at fault_rip
// resumes at fixup_rip instead of being fatal.
struct ExtableEntry {
    u64 fault_rip;
    u64 fixup_rip;
};

// Inline-asm text that lists "fault_label -> fixup_label" in the exception table,
// e.g. asm("1: ud2\n jmp 3f\n 2: ...\n 3:\n" EXTABLE_ENTRY("1b", "2b")).
#define EXTABLE_ENTRY(fault_label, fixup_label) \
    ".pushsection unum_extable, \"a\"\n.balign 8\n.quad " fault_label ", " fixup_label "\n.popsection\n"

// What the last recovered fault was (for the code that resumes at a fixup).
struct RecoveredFault {
    u64 vector;
    u64 error_code;
    u64 cr2;
    u64 count;
};
RecoveredFault last_recovered_fault();

void handle_exception(InterruptFrame& frame);
char const* exception_name(u64 vector);

// Prints the frame's registers through arch::debug_write.
void print_registers(InterruptFrame const& frame);
// Walks frame pointers from rbp, printing "  #n 0x... symbol+0xoff".
void print_backtrace_from(u64 rip, u64 rbp);

} // namespace x86
