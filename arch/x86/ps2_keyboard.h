// PS/2 keyboard on the 8042 controller: IRQ 1 (vector IRQ_VECTOR_BASE + 1) reads
// set-1 scancodes (the controller's translation, as BIOS and QEMU leave it) and
// hands them to a portable ScancodeDecoder; the decoded bytes go to a callback.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace x86 {

using KeyboardBytes = void (*)(u8 const* bytes, usize length, void* context);

// Flushes the controller, enables the first port and its interrupt, and routes
// IRQ 1. on_bytes(bytes, length, context) runs in interrupt context for every key
// that makes bytes (TtyDevice::receive_bytes fits). NoDevice when no controller
// answers (status port reads 0xFF, or it never takes a command). Call once, after
// the IOAPIC is initialised, before interrupts are enabled or with them enabled.
Result<void> ps2_keyboard_init(KeyboardBytes on_bytes, void* context);

// Scancode bytes the IRQ handler has read so far (for the monitor and self-tests).
u64 ps2_keyboard_scancodes_seen();

} // namespace x86
