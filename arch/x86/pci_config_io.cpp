// x86 PCI configuration access with mechanism #1: an address dword written to
// port 0xCF8 selects bus/device/function/register, port 0xCFC carries the data.
// The address/data pair is one shared resource, so each access holds a spinlock.
#include "arch/x86/pci_config_io.h"

#include "arch/x86/io.h"
#include "kernel/sync/spinlock.h"

namespace x86 {

namespace {

constexpr u16 CONFIG_ADDRESS = 0xCF8;
constexpr u16 CONFIG_DATA = 0xCFC;
constexpr u32 ENABLE = 0x80000000u;

Spinlock g_config_lock;

u32 config_address(u8 bus, u8 device, u8 function, u16 offset)
{
    return ENABLE | (u32(bus) << 16) | (u32(device & 0x1F) << 11) | (u32(function & 0x7) << 8)
        | (offset & 0xFC);
}

} // namespace

u32 pci_io_read32(u8 bus, u8 device, u8 function, u16 offset)
{
    SpinlockGuard guard(g_config_lock);
    outl(CONFIG_ADDRESS, config_address(bus, device, function, offset));
    return inl(CONFIG_DATA);
}

void pci_io_write32(u8 bus, u8 device, u8 function, u16 offset, u32 value)
{
    SpinlockGuard guard(g_config_lock);
    outl(CONFIG_ADDRESS, config_address(bus, device, function, offset));
    outl(CONFIG_DATA, value);
}

// Mechanism #1 is present when the address register holds what was written to it
// (the classic probe).
bool pci_io_present()
{
    SpinlockGuard guard(g_config_lock);
    u32 saved = inl(CONFIG_ADDRESS);
    outl(CONFIG_ADDRESS, ENABLE);
    bool present = inl(CONFIG_ADDRESS) == ENABLE;
    outl(CONFIG_ADDRESS, saved);
    return present;
}

} // namespace x86
