// HPET table decoding: the base address is a Generic Address Structure, which
// must name system memory for us to use it.
#include "kernel/acpi/hpet.h"

namespace acpi {

static constexpr usize HPET_TABLE_LENGTH = 56;
static constexpr u8 ADDRESS_SPACE_MEMORY = 0;

Result<void> parse_hpet(AcpiTable const& table, PlatformInfo& info)
{
    if (!table.has_signature("HPET"))
        return Error::BadMessage;
    ByteReader const& bytes = table.bytes();
    if (!bytes.contains(0, HPET_TABLE_LENGTH))
        return Error::BadMessage;
    u64 address = *bytes.u64_at(44);
    if (*bytes.u8_at(40) != ADDRESS_SPACE_MEMORY || address == 0)
        return Error::BadMessage;
    info.has_hpet = true;
    info.hpet_address = address;
    info.hpet_min_tick = *bytes.u16_at(53);
    return {};
}

} // namespace acpi
