// MCFG decoding: fixed 16-byte allocation records after an 8-byte reserved field.
#include "kernel/acpi/mcfg.h"

namespace acpi {

static constexpr usize MCFG_FIXED_LENGTH = 44;
static constexpr usize MCFG_ENTRY_LENGTH = 16;

Result<void> parse_mcfg(AcpiTable const& table, PlatformInfo& info)
{
    if (!table.has_signature("MCFG"))
        return Error::BadMessage;
    ByteReader const& bytes = table.bytes();
    if (!bytes.contains(0, MCFG_FIXED_LENGTH))
        return Error::BadMessage;

    for (usize offset = MCFG_FIXED_LENGTH; bytes.contains(offset, MCFG_ENTRY_LENGTH); offset += MCFG_ENTRY_LENGTH) {
        EcamRegion region { *bytes.u64_at(offset), *bytes.u16_at(offset + 8), *bytes.u8_at(offset + 10),
            *bytes.u8_at(offset + 11) };
        if (region.base == 0 || region.bus_end < region.bus_start
            || info.ecam_count == PlatformInfo::MAX_ECAM_REGIONS) {
            ++info.dropped_entries;
            continue;
        }
        info.ecam[info.ecam_count++] = region;
    }
    if ((bytes.size() - MCFG_FIXED_LENGTH) % MCFG_ENTRY_LENGTH != 0)
        ++info.dropped_entries;
    return {};
}

} // namespace acpi
