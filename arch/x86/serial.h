// 16550 UART driver for COM1 (115200 8N1): polled output, interrupt-driven input.
#pragma once

#include "kernel/lib/types.h"

namespace x86 {

void serial_init();
// Serialised output (takes the serial lock); converts "\n" to "\r\n".
void serial_write(char const* text, usize length);
// Serialised output of exactly these bytes (a TTY has already done its own
// newline processing).
void serial_write_raw(char const* text, usize length);
// Like serial_write, but starts on a fresh line when the output so far ends
// mid-line (kernel log lines, which would otherwise glue onto a prompt).
void serial_write_line(char const* text, usize length);
// Lock-free output for panics and early boot.
void serial_write_unlocked(char const* text, usize length);

// Routes COM1's IRQ and calls on_byte(byte, context) from the interrupt for every
// received byte. Call after the IOAPIC is initialised.
void serial_enable_input(void (*on_byte)(u8 byte, void* context), void* context);
// Polls for a received byte (for use before interrupts work); -1 if none.
int serial_poll_byte();

} // namespace x86
