// PCI listing: device lines and the class-name table (PCI Code and ID Assignment
// spec, the classes this kernel is likely to meet).
#include "kernel/pci/pci_format.h"

#include "kernel/lib/format.h"

namespace pci {

namespace {

struct ClassName {
    u8 class_code;
    u8 subclass; // 0xFF: any subclass of the class
    char const* name;
};

constexpr ClassName CLASS_NAMES[] = {
    { 0x01, 0x01, "IDE controller" },
    { 0x01, 0x06, "SATA controller" },
    { 0x01, 0x08, "NVMe controller" },
    { 0x01, 0x00, "SCSI controller" },
    { 0x01, 0xFF, "Storage controller" },
    { 0x02, 0x00, "Ethernet controller" },
    { 0x02, 0xFF, "Network controller" },
    { 0x03, 0x00, "VGA controller" },
    { 0x03, 0xFF, "Display controller" },
    { 0x04, 0xFF, "Multimedia controller" },
    { 0x05, 0xFF, "Memory controller" },
    { 0x06, 0x00, "Host bridge" },
    { 0x06, 0x01, "ISA bridge" },
    { 0x06, 0x04, "PCI bridge" },
    { 0x06, 0x80, "Bridge" },
    { 0x06, 0xFF, "Bridge" },
    { 0x07, 0xFF, "Communication controller" },
    { 0x08, 0xFF, "System peripheral" },
    { 0x0C, 0x03, "USB controller" },
    { 0x0C, 0x05, "SMBus controller" },
    { 0x0C, 0xFF, "Serial bus controller" },
};

// Formats at buffer[used..] (nowhere once full) and returns the new total length.
__attribute__((format(printf, 4, 5))) usize append(char* buffer, usize size, usize used, char const* fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    usize n = used < size ? vformat(buffer + used, size - used, fmt, args) : vformat(nullptr, 0, fmt, args);
    va_end(args);
    return used + n;
}

} // namespace

usize format_config_method(arch::PciConfigMethod const& method, char* buffer, usize size)
{
    switch (method.kind) {
    case arch::PciConfigMethod::Kind::Ecam:
        return format(buffer, size, "# config: ecam 0x%llx buses %u-%u", (unsigned long long)method.ecam_base,
            unsigned(method.bus_start), unsigned(method.bus_end));
    case arch::PciConfigMethod::Kind::Ports:
        return format(buffer, size, "# config: ports 0xcf8/0xcfc");
    case arch::PciConfigMethod::Kind::None:
        break;
    }
    return format(buffer, size, "# config: none");
}

char const* class_name(u8 class_code, u8 subclass)
{
    char const* fallback = "Unknown";
    for (ClassName const& entry : CLASS_NAMES) {
        if (entry.class_code != class_code)
            continue;
        if (entry.subclass == subclass)
            return entry.name;
        if (entry.subclass == 0xFF)
            fallback = entry.name;
    }
    return fallback;
}

usize format_device(PciDevice const& device, char* buffer, usize size)
{
    if (size > 0)
        buffer[0] = '\0';
    PciAddress const& a = device.address;
    usize used = append(buffer, size, 0, "%02x:%02x.%x %04x:%04x class %02x.%02x.%02x", a.bus, a.device,
        a.function, device.vendor_id, device.device_id, device.class_code, device.subclass, device.prog_if);
    if (device.has_interrupt())
        used = append(buffer, size, used, " irq %u", unsigned(device.interrupt_line));
    else
        used = append(buffer, size, used, " irq -");
    for (usize i = 0; i < PciDevice::MAX_BARS; ++i) {
        PciBar const& bar = device.bars[i];
        if (!bar.is_present())
            continue;
        char const* kind = bar.kind == PciBar::Kind::Io ? "io" : bar.kind == PciBar::Kind::Memory64 ? "mem64" : "mem";
        used = append(buffer, size, used, " bar%zu %s 0x%llx size 0x%llx%s", i, kind,
            (unsigned long long)bar.base, (unsigned long long)bar.size, bar.prefetchable ? " pref" : "");
    }
    return used;
}

} // namespace pci
