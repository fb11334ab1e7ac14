// libFuzzer target for the ACPI parsers: the input is firmware memory. Checksums
// would stop the fuzzer at the door, so the harness repairs them (RSDP, root
// table, the tables it lists, the DSDT a FADT names) before parsing, and also
// feeds the input straight to the MADT/MCFG/HPET/FADT/DSDT decoders as one table
// and to the \_Sx_ AML scan as raw bytes. Decoded ECAM regions go through the
// PCI ECAM window checks, whose every accepted address must stay in its window.
#include <cstdint>
#include <cstring>
#include <vector>

#include "kernel/acpi/acpi.h"
#include "kernel/acpi/fadt.h"
#include "kernel/acpi/hpet.h"
#include "kernel/acpi/madt.h"
#include "kernel/acpi/mcfg.h"
#include "kernel/acpi/sleep_type.h"
#include "kernel/acpi/table_directory.h"
#include "kernel/pci/ecam.h"

namespace {

constexpr PhysAddr BASE = 0x1000;

struct Blob {
    std::vector<u8> bytes;

    u8* at(u64 phys, usize length)
    {
        if (phys < BASE || phys - BASE > bytes.size() || length > bytes.size() - (phys - BASE))
            return nullptr;
        return bytes.data() + (phys - BASE);
    }
    static u8 const* map(void* context, PhysAddr phys, usize length)
    {
        return static_cast<Blob*>(context)->at(phys, length);
    }
};

u32 read32(u8 const* p) { return u32(p[0]) | u32(p[1]) << 8 | u32(p[2]) << 16 | u32(p[3]) << 24; }
u64 read64(u8 const* p) { return u64(read32(p)) | u64(read32(p + 4)) << 32; }

void fix(u8* bytes, usize checksum_at, usize length)
{
    bytes[checksum_at] = 0;
    bytes[checksum_at] = u8(-acpi::checksum(bytes, length));
}

// Repairs the checksum of the table at phys, if its declared length fits.
u8* fix_table(Blob& blob, u64 phys)
{
    u8* header = blob.at(phys, 36);
    if (!header)
        return nullptr;
    u32 length = read32(header + 4);
    if (length < 36 || length > acpi::MAX_TABLE_LENGTH || !blob.at(phys, length))
        return nullptr;
    fix(header, 9, length);
    return header;
}

// The DSDT is not in the root table: a FADT names it (DSDT, or X_DSDT if long enough).
void fix_dsdt(Blob& blob, u64 fadt_phys)
{
    u8* fadt = blob.at(fadt_phys, 36);
    if (!fadt || std::memcmp(fadt, "FACP", 4) != 0)
        return;
    u32 length = read32(fadt + 4);
    if (length >= 44 && blob.at(fadt_phys, 44))
        fix_table(blob, read32(fadt + 40));
    if (length >= 148 && blob.at(fadt_phys, 148))
        fix_table(blob, read64(fadt + 140));
    fix_table(blob, fadt_phys);
}

void fix_root(Blob& blob, u64 phys, usize entry_size)
{
    u8* root = fix_table(blob, phys);
    if (!root)
        return;
    u32 length = read32(root + 4);
    for (usize offset = 36; offset + entry_size <= length && offset < 36 + 64 * entry_size; offset += entry_size) {
        u64 entry = entry_size == 8 ? read64(root + offset) : read32(root + offset);
        fix_table(blob, entry);
        fix_dsdt(blob, entry);
    }
    // Fixing an entry may have changed the root's own bytes (overlapping tables).
    fix_table(blob, phys);
}

// Whatever MCFG said, an accepted window lies below the physical limit and the
// last dword of each bus it covers lies inside it.
void check_ecam_windows(acpi::PlatformInfo const& info)
{
    for (unsigned bus = 0; bus < 256; ++bus) {
        auto window = pci::find_ecam_window(info.ecam, info.ecam_count, u8(bus));
        if (window.is_error())
            continue;
        pci::EcamWindow const& w = window.value();
        auto last = w.offset_of(u8(bus), 31, 7, pci::ECAM_FUNCTION_SIZE - 4);
        if (!w.covers(u8(bus)) || last.is_error() || last.value() >= w.mapped_size()
            || w.mapped_base() + w.mapped_size() > pci::ECAM_PHYSICAL_LIMIT)
            __builtin_trap();
    }
}

void fuzz_single_table(u8 const* data, usize size)
{
    if (size < 37)
        return;
    static char const* const signatures[] = { "APIC", "MCFG", "HPET", "FACP", "DSDT" };
    u8 selector = data[0] % 5;
    std::vector<u8> table(data + 1, data + size);
    std::memcpy(table.data(), signatures[selector], 4);
    u32 length = u32(table.size());
    std::memcpy(&table[4], &length, 4);
    fix(table.data(), 9, table.size());
    auto parsed = acpi::AcpiTable::from_bytes(table.data(), table.size());
    if (parsed.is_error())
        __builtin_trap(); // the harness built a valid header
    static acpi::PlatformInfo info;
    info.reset();
    if (selector == 0)
        (void)acpi::parse_madt(parsed.value(), info);
    else if (selector == 1)
        (void)acpi::parse_mcfg(parsed.value(), info);
    else if (selector == 2)
        (void)acpi::parse_hpet(parsed.value(), info);
    else if (selector == 3)
        (void)acpi::parse_fadt(parsed.value(), info.power);
    else
        (void)acpi::parse_dsdt_s5(parsed.value(), info.power);
    for (u8 irq = 0; irq < 16; ++irq)
        (void)info.route_isa_irq(irq);
    if (info.cpu_count > acpi::PlatformInfo::MAX_CPUS || info.ecam_count > acpi::PlatformInfo::MAX_ECAM_REGIONS)
        __builtin_trap();
    check_ecam_windows(info);
    if (info.power.has_s5 && (info.power.s5_sleep_type_a > 7 || info.power.s5_sleep_type_b > 7))
        __builtin_trap();
}

// The AML scan on the raw input, as an exact-size copy so any overread is caught.
void fuzz_sleep_type(u8 const* data, usize size)
{
    if (size < 1)
        return;
    std::vector<u8> aml(data + 1, data + size);
    auto found = acpi::find_sleep_type(ByteReader(aml.data(), aml.size()), data[0] % 6);
    if (!found.is_error() && (found.value().a > 7 || found.value().b > 7))
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    fuzz_single_table(data, size);
    fuzz_sleep_type(data, size);

    Blob blob;
    blob.bytes.assign(data, data + size);
    if (blob.bytes.size() >= acpi::RSDP_V2_LENGTH) {
        u8* rsdp = blob.bytes.data();
        std::memcpy(rsdp, "RSD PTR ", 8);
        fix(rsdp, 8, acpi::RSDP_V1_LENGTH);
        u32 declared = read32(rsdp + 20);
        if (declared >= acpi::RSDP_V2_LENGTH && declared <= blob.bytes.size())
            fix(rsdp, 32, declared);
        fix_root(blob, read32(rsdp + 16), 4);
        fix_root(blob, read64(rsdp + 24), 8);
        fix(rsdp, 8, acpi::RSDP_V1_LENGTH);
    }
    acpi::AcpiMemory memory { &Blob::map, &blob };
    static acpi::PlatformInfo info;
    (void)acpi::parse_platform(memory, blob.bytes.data(), blob.bytes.size(), info);
    check_ecam_windows(info);
    (void)acpi::find_rsdp_in_bios(memory);
    return 0;
}
