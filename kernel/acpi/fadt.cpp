// FADT decoding. Every field is read through the table's ByteReader and its
// offset checked against the declared length first, so a short revision-1 table
// simply lacks the later fields.
#include "kernel/acpi/fadt.h"

namespace acpi {

namespace {

// Offsets from the ACPI specification's FADT layout (section 5.2.9).
constexpr usize DSDT = 40;
constexpr usize SMI_CMD = 48;
constexpr usize ACPI_ENABLE = 52;
constexpr usize PM1A_CNT_BLK = 64;
constexpr usize PM1B_CNT_BLK = 68;
constexpr usize FLAGS = 112;
constexpr usize RESET_REG = 116;
constexpr usize RESET_VALUE = 128;
constexpr usize X_DSDT = 140;
constexpr usize X_PM1A_CNT_BLK = 172;
constexpr usize X_PM1B_CNT_BLK = 184;

// ACPI 1.0's FADT ends right after Flags.
constexpr usize FADT_V1_LENGTH = 116;
constexpr usize GAS_LENGTH = 12;
constexpr u32 RESET_REG_SUP = 1u << 10;

std::optional<GenericAddress> read_gas(ByteReader const& bytes, usize offset)
{
    if (!bytes.contains(offset, GAS_LENGTH))
        return std::nullopt;
    return GenericAddress { *bytes.u8_at(offset), *bytes.u8_at(offset + 1), *bytes.u8_at(offset + 2),
        *bytes.u8_at(offset + 3), *bytes.u64_at(offset + 4) };
}

u16 port_or_zero(u64 address) { return address <= 0xFFFF ? u16(address) : 0; }

// A PM1 control block: the X_ GAS when it names an I/O port, else the 32-bit field.
u16 control_port(ByteReader const& bytes, usize legacy_offset, usize extended_offset)
{
    auto extended = read_gas(bytes, extended_offset);
    if (extended && extended->address != 0 && extended->is_io())
        return port_or_zero(extended->address);
    return port_or_zero(*bytes.u32_at(legacy_offset));
}

} // namespace

Result<void> parse_fadt(AcpiTable const& table, PowerControl& power)
{
    if (!table.has_signature("FACP"))
        return Error::BadMessage;
    ByteReader const& bytes = table.bytes();
    if (!bytes.contains(0, FADT_V1_LENGTH))
        return Error::BadMessage;

    power.has_fadt = true;
    power.pm1a_control_port = control_port(bytes, PM1A_CNT_BLK, X_PM1A_CNT_BLK);
    power.pm1b_control_port = control_port(bytes, PM1B_CNT_BLK, X_PM1B_CNT_BLK);
    power.smi_command_port = port_or_zero(*bytes.u32_at(SMI_CMD));
    power.acpi_enable_value = *bytes.u8_at(ACPI_ENABLE);

    power.dsdt_address = *bytes.u32_at(DSDT);
    if (auto x_dsdt = bytes.u64_at(X_DSDT); x_dsdt && *x_dsdt != 0)
        power.dsdt_address = *x_dsdt;

    auto reset = read_gas(bytes, RESET_REG);
    auto reset_value = bytes.u8_at(RESET_VALUE);
    power.has_reset_register = (*bytes.u32_at(FLAGS) & RESET_REG_SUP) && reset && reset_value
        && reset->address != 0;
    if (power.has_reset_register) {
        power.reset_register = *reset;
        power.reset_value = *reset_value;
    }
    return {};
}

} // namespace acpi
