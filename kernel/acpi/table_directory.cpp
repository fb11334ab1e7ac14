// RSDT/XSDT walking. Entry counts come from the root table's validated length,
// and the directory copies the addresses so later lookups re-validate each table.
#include "kernel/acpi/table_directory.h"

namespace acpi {

Result<void> TableDirectory::read_root(AcpiMemory const& memory, PhysAddr root, usize entry_size,
    char const (&signature)[5])
{
    if (root == 0)
        return Error::NoEntry;
    auto table = TRY(AcpiTable::load(memory, root));
    if (!table.has_signature(signature))
        return Error::BadMessage;
    usize entries = (table.length() - TABLE_HEADER_LENGTH) / entry_size;
    m_count = 0;
    for (usize i = 0; i < entries && m_count < MAX_TABLES; ++i) {
        usize offset = TABLE_HEADER_LENGTH + i * entry_size;
        PhysAddr address = entry_size == 8 ? *table.bytes().u64_at(offset) : *table.bytes().u32_at(offset);
        if (address != 0)
            m_addresses[m_count++] = address;
    }
    return {};
}

Result<TableDirectory> TableDirectory::create(AcpiMemory const& memory, Rsdp const& rsdp)
{
    TableDirectory directory;
    directory.m_memory = memory;
    auto xsdt = directory.read_root(memory, rsdp.xsdt_address, 8, "XSDT");
    if (!xsdt.is_error()) {
        directory.m_uses_xsdt = true;
        return directory;
    }
    auto rsdt = directory.read_root(memory, rsdp.rsdt_address, 4, "RSDT");
    if (rsdt.is_error())
        return rsdt.error();
    return directory;
}

Result<AcpiTable> TableDirectory::find(char const (&signature)[5], usize index) const
{
    for (usize i = 0; i < m_count; ++i) {
        // Check the signature before validating the whole table: cheaper, and a
        // broken table of another kind is none of this lookup's business.
        u8 const* header = m_memory.read(m_addresses[i], 4);
        if (!header || header[0] != u8(signature[0]) || header[1] != u8(signature[1])
            || header[2] != u8(signature[2]) || header[3] != u8(signature[3]))
            continue;
        auto table = AcpiTable::load(m_memory, m_addresses[i]);
        if (table.is_error())
            continue;
        if (index-- == 0)
            return table.release_value();
    }
    return Error::NoEntry;
}

} // namespace acpi
