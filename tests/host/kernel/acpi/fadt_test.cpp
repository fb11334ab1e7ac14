// Tests for FADT decoding: ACPI 1.0 and 6 layouts, X_ fields against their 32-bit
// twins, the reset register, and tables of every length in between.
#include <catch2/catch.hpp>

#include "kernel/acpi/fadt.h"
#include "tests/host/kernel/acpi/acpi_test_blobs.h"

using namespace acpi_test;

namespace {

// Field offsets in the whole table (ACPI 6.4, 5.2.9).
constexpr usize DSDT = 40, SMI_CMD = 48, ACPI_ENABLE = 52, PM1A_CNT = 64, PM1B_CNT = 68, FLAGS = 112;
constexpr usize RESET_REG = 116, RESET_VALUE = 128, X_DSDT = 140, X_PM1A_CNT = 172, X_PM1B_CNT = 184;
constexpr u32 RESET_REG_SUP = 1u << 10;

Result<void> parse(Bytes const& t, acpi::PowerControl& power)
{
    auto table = acpi::AcpiTable::from_bytes(t.data(), t.size());
    REQUIRE(!table.is_error());
    return acpi::parse_fadt(table.value(), power);
}

// What QEMU's i440fx machine declares.
FadtBuilder qemu_like(usize length = 276)
{
    FadtBuilder f(length);
    f.set32(DSDT, 0x7FE0040);
    f.set32(SMI_CMD, 0xB2);
    f.set8(ACPI_ENABLE, 0xF1);
    f.set32(PM1A_CNT, 0x604);
    if (length >= RESET_VALUE + 1) {
        f.set32(FLAGS, RESET_REG_SUP);
        f.set_gas(RESET_REG, 1, 0xCF9);
        f.set8(RESET_VALUE, 0x06);
    }
    return f;
}

} // namespace

TEST_CASE("fadt: an ACPI 1.0 table gives the 32-bit fields and no reset register")
{
    FadtBuilder f = qemu_like(116);
    f.set32(FLAGS, RESET_REG_SUP); // claimed, but the table has no room for it
    acpi::PowerControl power;
    REQUIRE(!parse(f.table(1), power).is_error());
    CHECK(power.has_fadt);
    CHECK(power.pm1a_control_port == 0x604);
    CHECK(power.pm1b_control_port == 0);
    CHECK(power.smi_command_port == 0xB2);
    CHECK(power.acpi_enable_value == 0xF1);
    CHECK(power.dsdt_address == 0x7FE0040);
    CHECK(!power.has_reset_register);
    CHECK(!power.has_s5);
    CHECK(!power.can_power_off());
}

TEST_CASE("fadt: a QEMU-like ACPI 6 table with the reset register")
{
    acpi::PowerControl power;
    REQUIRE(!parse(qemu_like().table(), power).is_error());
    CHECK(power.pm1a_control_port == 0x604);
    CHECK(power.dsdt_address == 0x7FE0040);
    REQUIRE(power.has_reset_register);
    CHECK(power.reset_register.is_io());
    CHECK(power.reset_register.address == 0xCF9);
    CHECK(power.reset_register.bit_width == 8);
    CHECK(power.reset_value == 0x06);
}

TEST_CASE("fadt: the reset register needs RESET_REG_SUP and a nonzero address")
{
    FadtBuilder f = qemu_like();
    f.set32(FLAGS, 0);
    acpi::PowerControl power;
    REQUIRE(!parse(f.table(), power).is_error());
    CHECK(!power.has_reset_register);

    FadtBuilder zero = qemu_like();
    zero.set_gas(RESET_REG, 1, 0);
    acpi::PowerControl power2;
    REQUIRE(!parse(zero.table(), power2).is_error());
    CHECK(!power2.has_reset_register);
}

TEST_CASE("fadt: X_ fields in system I/O space win over the 32-bit ones")
{
    FadtBuilder f = qemu_like();
    f.set_gas(X_PM1A_CNT, 1, 0xB004, 16);
    f.set_gas(X_PM1B_CNT, 1, 0xB044, 16);
    f.set32(PM1B_CNT, 0x640);
    f.set64(X_DSDT, 0x1'0000'0000ull);
    acpi::PowerControl power;
    REQUIRE(!parse(f.table(), power).is_error());
    CHECK(power.pm1a_control_port == 0xB004);
    CHECK(power.pm1b_control_port == 0xB044);
    CHECK(power.dsdt_address == 0x1'0000'0000ull);
}

TEST_CASE("fadt: X_ fields that are zero or not I/O fall back to the 32-bit ones")
{
    FadtBuilder f = qemu_like();
    f.set_gas(X_PM1A_CNT, 0, 0xFED00000, 16); // memory space: not usable by outw
    f.set32(PM1B_CNT, 0x640);                 // X_PM1B_CNT left zero
    acpi::PowerControl power;
    REQUIRE(!parse(f.table(), power).is_error());
    CHECK(power.pm1a_control_port == 0x604);
    CHECK(power.pm1b_control_port == 0x640);
    CHECK(power.dsdt_address == 0x7FE0040);
}

TEST_CASE("fadt: addresses beyond the I/O space are absent ports")
{
    FadtBuilder f = qemu_like();
    f.set32(PM1A_CNT, 0x12345);
    f.set32(SMI_CMD, 0x10000);
    f.set_gas(X_PM1B_CNT, 1, 0x1'0000, 16);
    acpi::PowerControl power;
    REQUIRE(!parse(f.table(), power).is_error());
    CHECK(power.pm1a_control_port == 0);
    CHECK(power.pm1b_control_port == 0);
    CHECK(power.smi_command_port == 0);
}

TEST_CASE("fadt: short tables and other signatures are rejected")
{
    acpi::PowerControl power;
    CHECK(parse(make_table("FACP", Bytes(100 - 36, 0)), power).error() == Error::BadMessage);
    CHECK(parse(make_table("APIC", Bytes(276 - 36, 0)), power).error() == Error::BadMessage);
    CHECK(!power.has_fadt);
}

TEST_CASE("fadt: every length from ACPI 1.0's to ACPI 6's parses, taking only what fits")
{
    for (usize length = 116; length <= 276; ++length) {
        FadtBuilder full = qemu_like();
        full.set_gas(X_PM1A_CNT, 1, 0xB004, 16);
        full.set64(X_DSDT, 0x9000);
        // The same bytes, cut to length, so a field is either whole or absent.
        Bytes body(full.body.begin(), full.body.begin() + (length - 36));
        Bytes t = make_table("FACP", body);
        acpi::PowerControl power;
        REQUIRE(!parse(t, power).is_error());
        CHECK(power.has_reset_register == (length >= RESET_VALUE + 1));
        CHECK(power.dsdt_address == (length >= X_DSDT + 8 ? 0x9000u : 0x7FE0040u));
        CHECK(power.pm1a_control_port == (length >= X_PM1A_CNT + 12 ? 0xB004 : 0x604));
    }
}
