// System-call entry setup for x86-64 (`syscall` via IA32_LSTAR).
#pragma once

namespace x86 {

// Enables `syscall` (EFER.SCE) and points it at x86_syscall_entry.
void syscall_init();

} // namespace x86
