// Self-tests of exception recovery: a faulting instruction listed in the exception
// table resumes at its fixup, with the fault recorded (the mechanism that
// copy_from_user relies on).
#include "arch/x86/exceptions.h"
#include "kernel/selftest/selftest.h"

namespace {

// Executes ud2; returns true if it was recovered through the exception table.
bool recovered_invalid_opcode()
{
    u64 recovered = 0;
    asm volatile(
        "1: ud2\n"
        "   jmp 3f\n"
        "2: movq $1, %0\n"
        "3:\n" EXTABLE_ENTRY("1b", "2b")
        : "+r"(recovered));
    return recovered == 1;
}

// Reads an unmapped address; returns true if recovered.
bool recovered_page_fault(u64 address)
{
    u64 recovered = 0;
    u64 value = 0;
    asm volatile(
        "1: movq (%2), %1\n"
        "   jmp 3f\n"
        "2: movq $1, %0\n"
        "3:\n" EXTABLE_ENTRY("1b", "2b")
        : "+r"(recovered), "+r"(value)
        : "r"(address)
        : "memory");
    return recovered == 1;
}

} // namespace

SELFTEST("x86: invalid opcode recovered through the exception table")
{
    u64 before = x86::last_recovered_fault().count;
    ST_EXPECT(recovered_invalid_opcode());
    ST_EXPECT(x86::last_recovered_fault().count == before + 1);
    ST_EXPECT(x86::last_recovered_fault().vector == 6);
}

SELFTEST("x86: page fault recovered with CR2 reported")
{
    u64 const address = 0x10000; // below the kernel: nothing is mapped in the low half
    ST_EXPECT(recovered_page_fault(address));
    x86::RecoveredFault fault = x86::last_recovered_fault();
    ST_EXPECT(fault.vector == 14);
    ST_EXPECT(fault.cr2 == address);
    ST_EXPECT((fault.error_code & 1) == 0); // not present
}
