// x86 FPU/SSE/AVX state: enabling it at boot and saving/restoring it per thread
// with xsave/xrstor when the CPU has them (fxsave64/fxrstor64 otherwise). The
// kernel itself is built without SSE; the state saved is the user programs'.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace x86 {

// Boot CPU, before sched::init(): sets CR0.MP|NE, clears CR0.EM|TS, sets
// CR4.OSFXSR|OSXMMEXCPT, and with XSAVE also CR4.OSXSAVE and XCR0 = x87|SSE (|AVX
// when present); sizes the save area from CPUID leaf 0xD and records the clean
// image new threads start from.
void fpu_init();
bool fpu_initialized();
bool fpu_uses_xsave();
// Bytes of one save area (512 for fxsave, CPUID-reported for xsave).
usize fpu_state_size();

// Allocates a 64-byte aligned save area holding the clean image. allocation is
// what fpu_free_state() takes back.
Result<void> fpu_alloc_state(u8*& area, u8*& allocation);
void fpu_free_state(u8* allocation);

// area is 64-byte aligned and fpu_state_size() long.
void fpu_save(u8* area);
void fpu_restore(u8 const* area);

} // namespace x86
