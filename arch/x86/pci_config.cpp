// x86 side of the arch PCI seam (kernel/arch/pci_config.h): ECAM when boot chose it
// (pci_config_init), ports 0xCF8/0xCFC otherwise and for buses outside the ECAM
// window. An ECAM access is one uncached dword load or store, so it takes no lock;
// the ports keep theirs (pci_config_io.cpp).
#include "arch/x86/pci_config.h"

#include "arch/x86/paging.h"
#include "arch/x86/pci_config_io.h"
#include "kernel/arch/pci_config.h"
#include "kernel/log/klog.h"
#include "kernel/pci/ecam.h"

namespace x86 {
namespace {

constexpr u16 HEADER_SIZE = 256;
constexpr u32 ABSENT = 0xFFFFFFFFu;

// Written by pci_config_init before anything else runs; read-only afterwards.
arch::PciConfigMethod g_method;
pci::EcamWindow g_window;
u8 volatile* g_ecam = nullptr; // g_window's mapping, or null while ports are used

u32 volatile* ecam_dword(u8 bus, u8 device, u8 function, u16 offset)
{
    if (!g_ecam)
        return nullptr;
    auto at = g_window.offset_of(bus, device, function, offset & 0xFFC);
    return at.is_error() ? nullptr : reinterpret_cast<u32 volatile*>(g_ecam + at.value());
}

void log_refused_regions(acpi::PlatformInfo const& info)
{
    for (usize i = 0; i < info.ecam_count; ++i) {
        acpi::EcamRegion const& region = info.ecam[i];
        if (char const* defect = pci::ecam_region_defect(region))
            log_warn("pci: MCFG region 0x%llx segment %u buses %u-%u not used: %s",
                (unsigned long long)region.base, unsigned(region.segment), unsigned(region.bus_start),
                unsigned(region.bus_end), defect);
    }
}

// Maps the window and checks it against the ports; false leaves the ports in use.
bool try_ecam(pci::EcamWindow const& window, bool ports)
{
    auto mapped = map_mmio(window.mapped_base(), usize(window.mapped_size()));
    if (mapped.is_error()) {
        log_warn("pci: cannot map ECAM at 0x%llx: %s", (unsigned long long)window.mapped_base(),
            error_name(mapped.error()));
        return false;
    }
    g_window = window;
    g_ecam = static_cast<u8 volatile*>(mapped.value());
    u32 via_ecam = *ecam_dword(0, 0, 0, 0);
    // Without ports there is nothing to compare with: a present host bridge will do.
    bool agrees = ports ? via_ecam == pci_io_read32(0, 0, 0, 0) : u16(via_ecam) != 0xFFFF;
    if (agrees)
        return true;
    log_warn("pci: ECAM reads 00:00.0 as %08x, the ports as %08x; using the ports", via_ecam,
        ports ? pci_io_read32(0, 0, 0, 0) : ABSENT);
    g_ecam = nullptr; // the mapping stays: MMIO windows are never unmapped
    g_window = {};
    return false;
}

} // namespace

void pci_config_init(acpi::PlatformInfo const& info)
{
    bool ports = pci_io_present();
    auto window = pci::find_ecam_window(info.ecam, info.ecam_count, 0);
    if (window.is_error())
        log_refused_regions(info);
    else if (try_ecam(window.value(), ports)) {
        g_method = { arch::PciConfigMethod::Kind::Ecam, g_window.mcfg_base(), g_window.bus_start(),
            g_window.bus_end() };
        log_info("pci: configuration via ECAM at 0x%llx buses %u-%u", (unsigned long long)g_method.ecam_base,
            unsigned(g_method.bus_start), unsigned(g_method.bus_end));
        return;
    }
    if (!ports) {
        log_warn("pci: no configuration mechanism");
        return;
    }
    g_method = { arch::PciConfigMethod::Kind::Ports, 0, 0, 0 };
    log_info("pci: configuration via ports 0xcf8/0xcfc");
}

} // namespace x86

namespace arch {

u32 pci_config_read32(u8 bus, u8 device, u8 function, u16 offset)
{
    if (u32 volatile* dword = x86::ecam_dword(bus, device, function, offset))
        return *dword;
    if (offset >= x86::HEADER_SIZE)
        return x86::ABSENT;
    return x86::pci_io_read32(bus, device, function, offset);
}

void pci_config_write32(u8 bus, u8 device, u8 function, u16 offset, u32 value)
{
    if (u32 volatile* dword = x86::ecam_dword(bus, device, function, offset)) {
        *dword = value;
        return;
    }
    if (offset < x86::HEADER_SIZE)
        x86::pci_io_write32(bus, device, function, offset, value);
}

bool pci_config_available() { return x86::g_method.kind != PciConfigMethod::Kind::None; }

bool pci_config_extended_available(u8 bus) { return x86::g_ecam && x86::g_window.covers(bus); }

PciConfigMethod pci_config_method() { return x86::g_method; }

} // namespace arch
