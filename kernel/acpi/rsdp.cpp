// RSDP validation and the legacy BIOS scan. Untrusted bytes: every field is read
// through ByteReader, and revision 2 data is believed only when self-consistent.
#include "kernel/acpi/rsdp.h"

#include "kernel/acpi/byte_reader.h"

namespace acpi {

static constexpr char RSDP_SIGNATURE[8] = { 'R', 'S', 'D', ' ', 'P', 'T', 'R', ' ' };

u8 checksum(u8 const* bytes, usize length)
{
    u8 sum = 0;
    for (usize i = 0; i < length; ++i)
        sum = u8(sum + bytes[i]);
    return sum;
}

static bool has_signature(u8 const* bytes)
{
    for (usize i = 0; i < sizeof(RSDP_SIGNATURE); ++i) {
        if (bytes[i] != u8(RSDP_SIGNATURE[i]))
            return false;
    }
    return true;
}

Result<Rsdp> parse_rsdp(u8 const* bytes, usize length)
{
    if (!bytes || length < RSDP_V1_LENGTH)
        return Error::InvalidArgument;
    if (!has_signature(bytes) || checksum(bytes, RSDP_V1_LENGTH) != 0)
        return Error::BadMessage;

    ByteReader reader(bytes, length);
    Rsdp rsdp;
    rsdp.revision = *reader.u8_at(15);
    rsdp.rsdt_address = *reader.u32_at(16);
    for (usize i = 0; i < 6; ++i) {
        u8 c = bytes[9 + i];
        rsdp.oem_id[i] = (c >= 0x20 && c < 0x7f) ? char(c) : '?';
    }
    rsdp.oem_id[6] = '\0';

    if (rsdp.revision >= 2 && length >= RSDP_V2_LENGTH) {
        u32 declared = *reader.u32_at(20);
        if (declared >= RSDP_V2_LENGTH && declared <= length && checksum(bytes, declared) == 0)
            rsdp.xsdt_address = *reader.u64_at(24);
    }
    if (rsdp.rsdt_address == 0 && rsdp.xsdt_address == 0)
        return Error::BadMessage;
    return rsdp;
}

static Result<PhysAddr> scan_range(AcpiMemory const& memory, PhysAddr start, usize length)
{
    u8 const* bytes = memory.read(start, length);
    if (!bytes)
        return Error::NoEntry;
    for (usize offset = 0; offset + RSDP_V1_LENGTH <= length; offset += 16) {
        // Offer the parser what remains so a 2.0 RSDP can be read in full.
        usize available = length - offset;
        if (available > RSDP_V2_LENGTH)
            available = RSDP_V2_LENGTH;
        if (!parse_rsdp(bytes + offset, available).is_error())
            return start + offset;
    }
    return Error::NoEntry;
}

Result<PhysAddr> find_rsdp_in_bios(AcpiMemory const& memory)
{
    // The BIOS data area holds the EBDA's real-mode segment at 0x40E.
    if (u8 const* bda = memory.read(0x40E, 2)) {
        PhysAddr ebda = PhysAddr(ByteReader(bda, 2).u16_at(0).value_or(0)) << 4;
        if (ebda >= 0x80000 && ebda < 0xA0000) {
            auto found = scan_range(memory, ebda, 1024);
            if (!found.is_error())
                return found.value();
        }
    }
    return scan_range(memory, 0xE0000, 0x20000);
}

} // namespace acpi
