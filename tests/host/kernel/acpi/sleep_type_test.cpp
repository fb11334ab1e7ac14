// Tests for \_Sx_ extraction from AML bytes: the encodings firmware uses, and
// truncated, malformed and missing packages.
#include <catch2/catch.hpp>

#include "kernel/acpi/sleep_type.h"
#include "tests/host/kernel/acpi/acpi_test_blobs.h"

using namespace acpi_test;

namespace {

constexpr u8 ZERO = 0x00, ONE = 0x01, BYTE = 0x0A;

// Some AML around the name, as in a real DSDT: a scope header and a method.
Bytes surround(Bytes const& inner)
{
    Bytes b { 0x10, 0x0A, '\\', '_', 'S', 'B', '_', 0x14, 0x06, 'F', 'O', 'O', '_', 0x00, 0xA4, 0x00 };
    b.insert(b.end(), inner.begin(), inner.end());
    b.insert(b.end(), { 0x08, '_', 'S', '4', '_', 0x12, 0x04, 0x02, ONE, ONE });
    return b;
}

Result<acpi::SleepType> find(Bytes const& aml, u8 state = 5)
{
    return acpi::find_sleep_type(ByteReader(aml.data(), aml.size()), state);
}

} // namespace

TEST_CASE("sleep_type: QEMU's Package (4) { Zero, Zero, Zero, Zero }")
{
    auto r = find(surround(aml_s5({ ZERO, ZERO, ZERO, ZERO }, 4)));
    REQUIRE(!r.is_error());
    CHECK(r.value().a == 0);
    CHECK(r.value().b == 0);
}

TEST_CASE("sleep_type: BytePrefix values")
{
    auto r = find(surround(aml_s5({ BYTE, 0x07, BYTE, 0x05, ZERO, ZERO }, 4)));
    REQUIRE(!r.is_error());
    CHECK(r.value().a == 7);
    CHECK(r.value().b == 5);
}

TEST_CASE("sleep_type: OneOp and ZeroOp, and a name rooted with a backslash")
{
    auto r = find(surround(aml_s5({ ONE, ZERO }, 2, true)));
    REQUIRE(!r.is_error());
    CHECK(r.value().a == 1);
    CHECK(r.value().b == 0);
}

TEST_CASE("sleep_type: a two-byte PkgLength")
{
    Bytes elements { BYTE, 0x05, BYTE, 0x06 };
    while (elements.size() < 100)
        elements.insert(elements.end(), { BYTE, 0x00 });
    Bytes aml = aml_s5(elements, u8(elements.size() / 2));
    REQUIRE(aml[6] >> 6 == 1);
    auto r = find(surround(aml));
    REQUIRE(!r.is_error());
    CHECK(r.value().a == 5);
    CHECK(r.value().b == 6);
}

TEST_CASE("sleep_type: other states are found by number")
{
    auto r = find(surround(aml_s5({ ZERO, ZERO }, 2)), 4);
    REQUIRE(!r.is_error());
    CHECK(r.value().a == 1);
    CHECK(r.value().b == 1);
    CHECK(find(surround({}), 6).error() == Error::InvalidArgument);
}

TEST_CASE("sleep_type: a missing _S5_ is NoEntry")
{
    CHECK(find(surround({})).error() == Error::NoEntry);
    CHECK(find({}).error() == Error::NoEntry);
    // The name without NameOp before it (a reference from code) does not count.
    CHECK(find(Bytes { 0x70, '_', 'S', '5', '_', 0x12, 0x04, 0x02, ZERO, ZERO }).error() == Error::NoEntry);
}

TEST_CASE("sleep_type: packages that do not decode are BadMessage")
{
    // One element only.
    CHECK(find(surround(aml_s5({ ZERO }, 1))).error() == Error::BadMessage);
    // Not a package.
    CHECK(find(Bytes { 0x08, '_', 'S', '5', '_', BYTE, 0x00 }).error() == Error::BadMessage);
    // Values that do not fit SLP_TYP's 3 bits.
    CHECK(find(surround(aml_s5({ BYTE, 0x08, ZERO }, 2))).error() == Error::BadMessage);
    // An element opcode other than ZeroOp, OneOp or BytePrefix (a name reference).
    CHECK(find(surround(aml_s5({ 'X', 'Y', 'Z', '_', ZERO }, 2))).error() == Error::BadMessage);
    // PkgLength shorter than the two elements it claims to hold.
    Bytes short_length = aml_s5({ ZERO, ZERO }, 2);
    short_length[6] = 3;
    CHECK(find(surround(short_length)).error() == Error::BadMessage);
    // PkgLength shorter than itself.
    Bytes tiny = aml_s5({ ZERO, ZERO }, 2);
    tiny[6] = 0;
    CHECK(find(surround(tiny)).error() == Error::BadMessage);
    // Reserved bits set in a multi-byte PkgLength's lead byte.
    Bytes reserved = aml_s5({ ZERO, ZERO }, 2);
    reserved[6] = 0x70;
    CHECK(find(reserved).error() == Error::BadMessage);
}

TEST_CASE("sleep_type: a package running past the end of the AML is BadMessage")
{
    Bytes aml = aml_s5({ BYTE, 0x05, BYTE, 0x06 }, 2);
    aml[6] = 40; // claims more bytes than there are
    CHECK(find(aml).error() == Error::BadMessage);
}

TEST_CASE("sleep_type: every truncation of a valid package is an error, never a read past the end")
{
    Bytes whole = aml_s5({ BYTE, 0x05, BYTE, 0x06 }, 2, true);
    for (usize length = 0; length < whole.size(); ++length) {
        // An exact-size heap copy, so AddressSanitizer sees any read past it.
        Bytes cut(whole.begin(), whole.begin() + length);
        auto r = find(cut);
        CHECK(r.is_error());
    }
    CHECK(!find(whole).is_error());
}

TEST_CASE("sleep_type: a broken candidate does not hide a later good one")
{
    Bytes aml = aml_s5({ BYTE, 0x09, ZERO }, 2);
    Bytes good = aml_s5({ BYTE, 0x03, BYTE, 0x04 }, 2);
    aml.insert(aml.end(), good.begin(), good.end());
    auto r = find(aml);
    REQUIRE(!r.is_error());
    CHECK(r.value().a == 3);
    CHECK(r.value().b == 4);
}

TEST_CASE("sleep_type: parse_dsdt_s5 fills PowerControl from a DSDT")
{
    Bytes dsdt = make_table("DSDT", surround(aml_s5({ BYTE, 0x05, ZERO }, 2)));
    auto table = acpi::AcpiTable::from_bytes(dsdt.data(), dsdt.size());
    REQUIRE(!table.is_error());
    acpi::PowerControl power;
    power.pm1a_control_port = 0x604;
    REQUIRE(!acpi::parse_dsdt_s5(table.value(), power).is_error());
    CHECK(power.has_s5);
    CHECK(power.s5_sleep_type_a == 5);
    CHECK(power.s5_sleep_type_b == 0);
    CHECK(power.can_power_off());

    Bytes ssdt = make_table("SSDT", surround(aml_s5({ ZERO, ZERO }, 2)));
    auto other = acpi::AcpiTable::from_bytes(ssdt.data(), ssdt.size());
    REQUIRE(!other.is_error());
    acpi::PowerControl untouched;
    CHECK(acpi::parse_dsdt_s5(other.value(), untouched).error() == Error::BadMessage);
    CHECK(!untouched.has_s5);

    Bytes empty = make_table("DSDT", surround({}));
    auto no_s5 = acpi::AcpiTable::from_bytes(empty.data(), empty.size());
    REQUIRE(!no_s5.is_error());
    CHECK(acpi::parse_dsdt_s5(no_s5.value(), untouched).error() == Error::NoEntry);
    CHECK(!untouched.has_s5);
}
