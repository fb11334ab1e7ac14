// x86 PCI configuration access with mechanism #1: an address dword written to
// port 0xCF8 selects bus/device/function/register, port 0xCFC carries the data.
// The address/data pair is one shared resource, so each access holds a spinlock.
#include "arch/x86/io.h"
#include "kernel/arch/pci_config.h"
#include "kernel/sync/spinlock.h"

namespace arch {

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

u32 pci_config_read32(u8 bus, u8 device, u8 function, u16 offset)
{
    if (offset >= 256)
        return 0xFFFFFFFFu;
    SpinlockGuard guard(g_config_lock);
    x86::outl(CONFIG_ADDRESS, config_address(bus, device, function, offset));
    return x86::inl(CONFIG_DATA);
}

void pci_config_write32(u8 bus, u8 device, u8 function, u16 offset, u32 value)
{
    if (offset >= 256)
        return;
    SpinlockGuard guard(g_config_lock);
    x86::outl(CONFIG_ADDRESS, config_address(bus, device, function, offset));
    x86::outl(CONFIG_DATA, value);
}

// Mechanism #1 is present when the address register holds what was written to it
// (the classic probe); the previous value is put back.
bool pci_config_available()
{
    SpinlockGuard guard(g_config_lock);
    u32 saved = x86::inl(CONFIG_ADDRESS);
    x86::outl(CONFIG_ADDRESS, ENABLE);
    bool present = x86::inl(CONFIG_ADDRESS) == ENABLE;
    x86::outl(CONFIG_ADDRESS, saved);
    return present;
}

} // namespace arch
