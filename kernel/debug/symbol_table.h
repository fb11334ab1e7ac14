// Kernel symbol table lookup for backtraces. The table is embedded at build time
// by tools/gen_ksyms.py (layout documented there) into the .ksyms section.
#pragma once

#include "kernel/lib/types.h"

struct SymbolLookup {
    char const* name; // nullptr when the address is not inside a known function
    u64 offset;       // address - symbol start
};

class SymbolTable {
public:
    // Binds to a table blob; an inconsistent blob yields an empty table.
    void bind(u8 const* blob, usize size);
    SymbolLookup lookup(u64 address) const;
    u64 count() const { return m_count; }
    // Address of the symbol with exactly this name, or 0.
    u64 address_of(char const* name) const;

private:
    u64 entry_address(u64 index) const;
    char const* entry_name(u64 index) const;

    u8 const* m_blob { nullptr };
    usize m_size { 0 };
    u64 m_count { 0 };
    usize m_names_offset { 0 };
};

// The kernel's own table (bound at boot by the arch code).
SymbolTable& kernel_symbols();
