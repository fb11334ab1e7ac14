// The system console: where the monitor, or the console TTY once user programs
// run, reads typed bytes and writes output. The arch feeds input (serial IRQ,
// keyboard) through system_console_receive() and registers output devices.
#pragma once

#include "kernel/monitor/input_queue.h"

using ConsoleOutput = void (*)(char const* text, usize length, void* context);
using ConsoleInputTarget = void (*)(u8 byte, void* context);

InputQueue& system_console_input();
// Up to 4 outputs, each as a pair: write translates "\n" to "\r\n" (the
// monitor's output), write_raw sends bytes unchanged (a TTY's processed output).
bool system_console_add_output(ConsoleOutput write, ConsoleOutput write_raw, void* context);
void system_console_write(char const* text, usize length);
void system_console_write_raw(char const* text, usize length);

// Typed bytes go to the monitor's input queue until a target (the console TTY)
// takes over. With a target, Ctrl-] then `m` hands the keyboard to the debug
// monitor until its `exit` command; Ctrl-] twice sends one Ctrl-]. Safe from
// interrupt context.
void system_console_receive(u8 byte);
void system_console_set_input_target(ConsoleInputTarget target, void* context);
inline constexpr u8 MONITOR_ESCAPE = 0x1d; // Ctrl-]
// Gives the keyboard back to the target (the monitor's `exit`).
void system_console_leave_monitor();
bool system_console_in_monitor();
