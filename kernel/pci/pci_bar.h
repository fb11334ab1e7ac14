// PciBar: one decoded Base Address Register of a PCI function — what kind of
// window it opens (memory below/above 4 GiB, or I/O ports), where, and how large.
#pragma once

#include "kernel/lib/types.h"

struct PciBar {
    enum class Kind : u8 { None, Memory32, Memory64, Io };

    Kind kind = Kind::None;
    bool prefetchable = false;
    u64 base = 0;
    u64 size = 0;

    bool is_present() const { return kind != Kind::None && size != 0; }
    bool is_memory() const { return kind == Kind::Memory32 || kind == Kind::Memory64; }
};
