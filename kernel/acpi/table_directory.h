// TableDirectory: the list of table addresses from the XSDT (preferred) or RSDT,
// and lookup of a table by signature. Tables that fail validation are skipped, so
// one corrupt table does not hide the others.
#pragma once

#include "kernel/acpi/acpi_memory.h"
#include "kernel/acpi/acpi_table.h"
#include "kernel/acpi/rsdp.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace acpi {

class TableDirectory {
public:
    // Firmware lists a few dozen tables at most; entries past this are ignored.
    static constexpr usize MAX_TABLES = 64;

    // Reads the XSDT when the RSDP names one and it validates, else the RSDT.
    // BadMessage/BadAddress when neither root table is usable.
    static Result<TableDirectory> create(AcpiMemory const& memory, Rsdp const& rsdp);

    // The index-th valid table (0-based) with this signature, e.g. find("APIC").
    // NoEntry when there is none.
    Result<AcpiTable> find(char const (&signature)[5], usize index = 0) const;

    usize table_count() const { return m_count; }
    PhysAddr table_address(usize i) const { return i < m_count ? m_addresses[i] : 0; }
    bool uses_xsdt() const { return m_uses_xsdt; }

private:
    TableDirectory() = default;
    Result<void> read_root(AcpiMemory const& memory, PhysAddr root, usize entry_size, char const (&signature)[5]);

    AcpiMemory m_memory;
    PhysAddr m_addresses[MAX_TABLES] {};
    usize m_count { 0 };
    bool m_uses_xsdt { false };
};

} // namespace acpi
