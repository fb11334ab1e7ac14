// Glue from the RSDP to PlatformInfo: finds each table we decode through the
// table directory and hands it to its parser. The DSDT is not in the directory;
// the FADT names it.
#include "kernel/acpi/acpi.h"

#include "kernel/acpi/fadt.h"
#include "kernel/acpi/hpet.h"
#include "kernel/acpi/madt.h"
#include "kernel/acpi/mcfg.h"
#include "kernel/acpi/sleep_type.h"
#include "kernel/acpi/table_directory.h"

namespace acpi {

static void parse_power(AcpiMemory const& memory, TableDirectory const& directory, PowerControl& power)
{
    auto fadt = directory.find("FACP");
    if (fadt.is_error() || parse_fadt(fadt.value(), power).is_error() || power.dsdt_address == 0)
        return;
    auto dsdt = AcpiTable::load(memory, power.dsdt_address);
    if (!dsdt.is_error())
        (void)parse_dsdt_s5(dsdt.value(), power);
}

Result<void> parse_platform(AcpiMemory const& memory, Rsdp const& rsdp, PlatformInfo& info)
{
    info.reset();
    info.acpi_revision = rsdp.revision;
    for (usize i = 0; i < sizeof(info.oem_id); ++i)
        info.oem_id[i] = rsdp.oem_id[i];

    auto directory = TRY(TableDirectory::create(memory, rsdp));

    // Only the first valid MADT counts; a second would describe the same CPUs.
    auto madt = directory.find("APIC");
    if (!madt.is_error() && parse_madt(madt.value(), info).is_error()) {
        info.has_madt = false;
        info.local_apic_address = 0;
    }
    for (usize index = 0;; ++index) {
        auto mcfg = directory.find("MCFG", index);
        if (mcfg.is_error())
            break;
        (void)parse_mcfg(mcfg.value(), info);
    }
    auto hpet = directory.find("HPET");
    if (!hpet.is_error())
        (void)parse_hpet(hpet.value(), info);
    parse_power(memory, directory, info.power);
    return {};
}

Result<void> parse_platform(AcpiMemory const& memory, u8 const* rsdp_bytes, usize rsdp_length, PlatformInfo& info)
{
    if (!rsdp_bytes) {
        PhysAddr found = TRY(find_rsdp_in_bios(memory));
        rsdp_bytes = memory.read(found, RSDP_V2_LENGTH);
        rsdp_length = RSDP_V2_LENGTH;
        if (!rsdp_bytes) {
            rsdp_bytes = memory.read(found, RSDP_V1_LENGTH);
            rsdp_length = RSDP_V1_LENGTH;
        }
        if (!rsdp_bytes)
            return Error::BadAddress;
    }
    auto rsdp = TRY(parse_rsdp(rsdp_bytes, rsdp_length));
    return parse_platform(memory, rsdp, info);
}

} // namespace acpi
