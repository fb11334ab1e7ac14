// The system console: where the monitor (and later the shell's TTY) reads typed
// bytes and writes its output. The arch feeds input (serial IRQ, keyboard) and
// registers output devices (serial, screen).
#pragma once

#include "kernel/monitor/input_queue.h"

using ConsoleOutput = void (*)(char const* text, usize length, void* context);

InputQueue& system_console_input();
// Up to 4 outputs; false when full.
bool system_console_add_output(ConsoleOutput write, void* context);
void system_console_write(char const* text, usize length);
