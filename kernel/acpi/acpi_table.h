// AcpiTable: a validated view of one ACPI system description table (header,
// declared length within bounds, checksum zero). Readers of the body go through
// its ByteReader, which stops at the declared length.
#pragma once

#include "kernel/acpi/acpi_memory.h"
#include "kernel/acpi/byte_reader.h"
#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace acpi {

inline constexpr usize TABLE_HEADER_LENGTH = 36;
// No table we read comes near this; a larger declared length is corrupt.
inline constexpr usize MAX_TABLE_LENGTH = 1 * MiB;

class AcpiTable {
public:
    AcpiTable() = default;

    // Validates a table held in bytes[0, available): BadMessage when the declared
    // length is below the header size, beyond available or MAX_TABLE_LENGTH, or
    // the checksum fails.
    static Result<AcpiTable> from_bytes(u8 const* bytes, usize available);
    // Maps the header at phys, then the declared length, and validates as above.
    // BadAddress when memory cannot provide the bytes.
    static Result<AcpiTable> load(AcpiMemory const& memory, PhysAddr phys);

    bool has_signature(char const (&signature)[5]) const;
    // The 4 signature characters, not NUL-terminated.
    char const* signature() const { return reinterpret_cast<char const*>(m_bytes.data()); }
    u32 length() const { return u32(m_bytes.size()); }
    u8 revision() const { return m_bytes.u8_at(8).value_or(0); }
    // The whole table, header included; reads past length() fail.
    ByteReader const& bytes() const { return m_bytes; }

private:
    explicit AcpiTable(ByteReader bytes)
        : m_bytes(bytes)
    {
    }
    ByteReader m_bytes;
};

} // namespace acpi
