// Segment selectors and the TSS interface (see gdt.cpp for the layout).
#pragma once

#include "kernel/lib/types.h"

namespace x86 {

inline constexpr u16 KERNEL_CODE_SELECTOR = 0x08;
inline constexpr u16 KERNEL_DATA_SELECTOR = 0x10;
inline constexpr u16 USER_DATA_SELECTOR = 0x18 | 3;
inline constexpr u16 USER_CODE_SELECTOR = 0x20 | 3;
inline constexpr u16 TSS_SELECTOR = 0x28;

// IST slots (1-based, as the IDT encodes them).
inline constexpr u8 IST_DOUBLE_FAULT = 1;
inline constexpr u8 IST_NMI = 2;
inline constexpr u8 IST_MACHINE_CHECK = 3;

// Stack the CPU switches to on an interrupt or system call from user mode.
void tss_set_kernel_stack(u64 rsp0);

} // namespace x86
