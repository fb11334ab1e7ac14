// Binary search over the embedded, address-sorted symbol table.
#include "kernel/debug/symbol_table.h"

namespace {

u64 read_u64(u8 const* p)
{
    u64 value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | p[i];
    return value;
}

constexpr usize ENTRY_SIZE = 16;

} // namespace

void SymbolTable::bind(u8 const* blob, usize size)
{
    m_blob = nullptr;
    m_count = 0;
    if (!blob || size < 8)
        return;
    u64 count = read_u64(blob);
    if (count > (size - 8) / ENTRY_SIZE)
        return;
    m_blob = blob;
    m_size = size;
    m_count = count;
    m_names_offset = 8 + count * ENTRY_SIZE;
}

u64 SymbolTable::entry_address(u64 index) const { return read_u64(m_blob + 8 + index * ENTRY_SIZE); }

char const* SymbolTable::entry_name(u64 index) const
{
    u64 offset = read_u64(m_blob + 8 + index * ENTRY_SIZE + 8);
    if (offset >= m_size - m_names_offset)
        return "?";
    char const* name = reinterpret_cast<char const*>(m_blob + m_names_offset + offset);
    // The name must end inside the blob.
    for (usize i = m_names_offset + offset; i < m_size; ++i) {
        if (m_blob[i] == 0)
            return name;
    }
    return "?";
}

SymbolLookup SymbolTable::lookup(u64 address) const
{
    if (m_count == 0 || address < entry_address(0))
        return { nullptr, 0 };
    u64 low = 0, high = m_count; // find the last entry with entry_address <= address
    while (high - low > 1) {
        u64 mid = low + (high - low) / 2;
        if (entry_address(mid) <= address)
            low = mid;
        else
            high = mid;
    }
    return { entry_name(low), address - entry_address(low) };
}

u64 SymbolTable::address_of(char const* name) const
{
    for (u64 i = 0; i < m_count; ++i) {
        char const* candidate = entry_name(i);
        usize k = 0;
        while (candidate[k] && candidate[k] == name[k])
            ++k;
        if (candidate[k] == 0 && name[k] == 0)
            return entry_address(i);
    }
    return 0;
}

SymbolTable& kernel_symbols()
{
    static SymbolTable table;
    return table;
}
