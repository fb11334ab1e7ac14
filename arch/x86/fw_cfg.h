// QEMU's firmware configuration device (fw_cfg) over its legacy I/O ports: lets
// the emulator hand the kernel named files, such as extra command-line options in
// `opt/unum/cmdline`. Absent on real hardware, where fw_cfg_present() is false.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace x86 {

// True when the fw_cfg signature item reads "QEMU".
bool fw_cfg_present();

// Copies the named fw_cfg file into buffer and returns its size. Errors:
// NoDevice without fw_cfg, NoEntry when no such file, NoBufferSpace when the file
// is larger than capacity (nothing useful is copied then). Takes an internal
// spinlock around the selector, so callers need hold no lock; it reads byte by
// byte with interrupts off, so keep the files small.
Result<usize> fw_cfg_read_file(char const* name, u8* buffer, usize capacity);

} // namespace x86
