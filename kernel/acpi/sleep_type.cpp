// \_Sx_ extraction by byte pattern. The AML is untrusted: every read is bounds
// checked through ByteReader, the package must fit inside both its PkgLength and
// the table, and the scan is a single linear pass.
#include "kernel/acpi/sleep_type.h"

namespace acpi {

namespace {

constexpr u8 NAME_OP = 0x08;
constexpr u8 PACKAGE_OP = 0x12;
constexpr u8 ZERO_OP = 0x00;
constexpr u8 ONE_OP = 0x01;
constexpr u8 BYTE_PREFIX = 0x0A;
constexpr u8 ROOT_PREFIX = '\\';
constexpr u8 MAX_SLEEP_TYPE = 7;

bool has_name_at(ByteReader const& aml, usize offset, u8 const (&name)[4])
{
    for (usize i = 0; i < 4; ++i) {
        if (aml.u8_at(offset + i) != name[i])
            return false;
    }
    return true;
}

// A PkgLength at offset: its value (which counts its own bytes) and encoded size.
struct PackageLength {
    usize value;
    usize size;
};

std::optional<PackageLength> read_package_length(ByteReader const& aml, usize offset)
{
    auto lead = aml.u8_at(offset);
    if (!lead)
        return std::nullopt;
    usize follow = *lead >> 6;
    if (follow == 0)
        return PackageLength { usize(*lead & 0x3F), 1 };
    // With following bytes, bits 4-5 of the lead byte are reserved (zero).
    if (*lead & 0x30)
        return std::nullopt;
    usize value = *lead & 0x0F;
    for (usize i = 0; i < follow; ++i) {
        auto next = aml.u8_at(offset + 1 + i);
        if (!next)
            return std::nullopt;
        value |= usize(*next) << (4 + 8 * i);
    }
    return PackageLength { value, 1 + follow };
}

// One integer element at cursor (advanced past it), as a sleep type.
std::optional<u8> read_sleep_type(ByteReader const& package, usize& cursor)
{
    auto op = package.u8_at(cursor);
    if (!op)
        return std::nullopt;
    u8 value;
    if (*op == ZERO_OP || *op == ONE_OP) {
        value = *op;
        cursor += 1;
    } else if (*op == BYTE_PREFIX) {
        auto byte = package.u8_at(cursor + 1);
        if (!byte)
            return std::nullopt;
        value = *byte;
        cursor += 2;
    } else {
        return std::nullopt;
    }
    if (value > MAX_SLEEP_TYPE)
        return std::nullopt;
    return value;
}

// The package whose PackageOp is at offset.
std::optional<SleepType> decode_package(ByteReader const& aml, usize offset)
{
    if (aml.u8_at(offset) != PACKAGE_OP)
        return std::nullopt;
    auto length = read_package_length(aml, offset + 1);
    if (!length || length->value < length->size || !aml.contains(offset + 1, length->value))
        return std::nullopt;
    // From here on reads stop at the package's end, not the table's.
    ByteReader package = aml.slice(offset + 1, length->value);
    usize cursor = length->size;
    auto elements = package.u8_at(cursor++);
    if (!elements || *elements < 2)
        return std::nullopt;
    auto a = read_sleep_type(package, cursor);
    if (!a)
        return std::nullopt;
    auto b = read_sleep_type(package, cursor);
    if (!b)
        return std::nullopt;
    return SleepType { *a, *b };
}

} // namespace

Result<SleepType> find_sleep_type(ByteReader const& aml, u8 state)
{
    if (state > 5)
        return Error::InvalidArgument;
    u8 const name[4] = { '_', 'S', u8('0' + state), '_' };
    bool seen = false;
    for (usize offset = 0; offset < aml.size(); ++offset) {
        if (aml.u8_at(offset) != NAME_OP)
            continue;
        usize name_at = offset + 1;
        if (aml.u8_at(name_at) == ROOT_PREFIX)
            ++name_at;
        if (!has_name_at(aml, name_at, name))
            continue;
        seen = true;
        if (auto sleep_type = decode_package(aml, name_at + 4))
            return *sleep_type;
    }
    return seen ? Error::BadMessage : Error::NoEntry;
}

Result<void> parse_dsdt_s5(AcpiTable const& dsdt, PowerControl& power)
{
    if (!dsdt.has_signature("DSDT"))
        return Error::BadMessage;
    ByteReader aml = dsdt.bytes().slice(TABLE_HEADER_LENGTH, dsdt.length() - TABLE_HEADER_LENGTH);
    SleepType s5 = TRY(find_sleep_type(aml, 5));
    power.has_s5 = true;
    power.s5_sleep_type_a = s5.a;
    power.s5_sleep_type_b = s5.b;
    return {};
}

} // namespace acpi
