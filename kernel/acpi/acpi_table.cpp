// Validation of ACPI table headers. The declared length is untrusted: it is
// bounded before anything is mapped or summed.
#include "kernel/acpi/acpi_table.h"

#include "kernel/acpi/rsdp.h"

namespace acpi {

Result<AcpiTable> AcpiTable::from_bytes(u8 const* bytes, usize available)
{
    ByteReader reader(bytes, available);
    auto declared = reader.u32_at(4);
    if (!declared)
        return Error::BadMessage;
    u32 length = *declared;
    if (length < TABLE_HEADER_LENGTH || length > available || length > MAX_TABLE_LENGTH)
        return Error::BadMessage;
    if (checksum(bytes, length) != 0)
        return Error::BadMessage;
    return AcpiTable(ByteReader(bytes, length));
}

Result<AcpiTable> AcpiTable::load(AcpiMemory const& memory, PhysAddr phys)
{
    u8 const* header = memory.read(phys, TABLE_HEADER_LENGTH);
    if (!header)
        return Error::BadAddress;
    u32 length = *ByteReader(header, TABLE_HEADER_LENGTH).u32_at(4);
    if (length < TABLE_HEADER_LENGTH || length > MAX_TABLE_LENGTH)
        return Error::BadMessage;
    u8 const* whole = memory.read(phys, length);
    if (!whole)
        return Error::BadAddress;
    return from_bytes(whole, length);
}

bool AcpiTable::has_signature(char const (&signature)[5]) const
{
    for (usize i = 0; i < 4; ++i) {
        if (m_bytes.u8_at(i) != u8(signature[i]))
            return false;
    }
    return true;
}

} // namespace acpi
