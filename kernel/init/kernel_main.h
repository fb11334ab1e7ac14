// The portable half of boot: what runs once the arch code has the CPU, memory,
// interrupts and timer ready. Never returns.
#pragma once

#include "fs/initrd/boot_module_unpacker.h"
#include "kernel/boot/command_line.h"

// The scheduler tick rate the arch timer runs at.
inline constexpr u32 KERNEL_TICK_HZ = 1000;

// What the boot loader handed over that the portable kernel needs.
struct KernelBootArguments {
    static constexpr usize MAX_MODULES = 16;

    CommandLine const* command_line { nullptr };
    // The loader's modules, mapped, with their strings (`initrd`, `netboot`, ...);
    // the root file system unpacks the ones BOOT_MODULE_MOUNTS names.
    BootFileModule modules[MAX_MODULES] {};
    usize module_count { 0 };
};

// Called by the arch entry with interrupts still disabled.
[[noreturn]] void kernel_main(KernelBootArguments const& boot);

// Boot timestamps kept for `make bench` (nanoseconds of arch::monotonic_ns()).
u64 kernel_ready_ns();
