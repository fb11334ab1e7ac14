// Host fake of the arch PCI seam: a configuration space tests program with
// functions and BAR sizes (see tests/host/kernel/pci/fake_pci_config.h). BAR
// registers keep their read-only low bits, so writing all ones reads the size mask.
#include <map>
#include <tuple>

#include "kernel/arch/pci_config.h"
#include "tests/host/kernel/pci/fake_pci_config.h"

namespace {

struct FakeFunction {
    u32 config[64];
    u32 writable[64];
};

using Key = std::tuple<u8, u8, u8>;

struct FakeSpace {
    std::map<Key, FakeFunction> functions;
    bool available = true;
    arch::PciConfigMethod method { arch::PciConfigMethod::Kind::Ports, 0, 0, 0 };
    u32 unsafe_bar_writes = 0;
    u64 reads = 0;
};

FakeSpace& space()
{
    static FakeSpace instance;
    return instance;
}

FakeFunction* find(u8 bus, u8 device, u8 function)
{
    auto it = space().functions.find(Key { bus, device, function });
    return it == space().functions.end() ? nullptr : &it->second;
}

bool is_bar_offset(FakeFunction const& fn, u16 offset)
{
    u8 header_type = u8(fn.config[3] >> 16) & 0x7F;
    u16 limit = header_type == 0 ? 0x28 : header_type == 1 ? 0x18 : 0x10;
    return offset >= 0x10 && offset < limit;
}

} // namespace

void fake_pci_reset() { space() = FakeSpace {}; }
void fake_pci_set_available(bool available) { space().available = available; }
void fake_pci_set_method(arch::PciConfigMethod const& method) { space().method = method; }

void fake_pci_add_function(u8 bus, u8 device, u8 function, u32 const config[64])
{
    FakeFunction fn {};
    for (int i = 0; i < 64; ++i) {
        fn.config[i] = config[i];
        fn.writable[i] = 0xFFFFFFFFu;
    }
    fn.writable[0] = 0; // vendor/device
    fn.writable[1] = 0x0000FFFFu; // command; status is not modelled
    fn.writable[2] = 0; // class, revision
    for (u16 offset = 0x10; offset < 0x28; offset += 4) {
        if (is_bar_offset(fn, offset))
            fn.writable[offset / 4] = 0; // unimplemented until sized
    }
    space().functions[Key { bus, device, function }] = fn;
}

void fake_pci_set_bar_size(u8 bus, u8 device, u8 function, u8 bar, u64 size)
{
    FakeFunction* fn = find(bus, device, function);
    if (!fn)
        return;
    usize index = 4 + bar;
    u32 low = fn->config[index];
    u64 mask = ~(size - 1);
    if (low & 1) {
        fn->writable[index] = u32(mask) & ~0x3u;
    } else {
        fn->writable[index] = u32(mask) & ~0xFu;
        if (((low >> 1) & 3) == 2 && index + 1 < 10)
            fn->writable[index + 1] = u32(mask >> 32);
    }
}

u32 fake_pci_peek(u8 bus, u8 device, u8 function, u16 offset)
{
    FakeFunction* fn = find(bus, device, function);
    return fn ? fn->config[(offset & 0xFC) / 4] : 0xFFFFFFFFu;
}

u32 fake_pci_unsafe_bar_writes() { return space().unsafe_bar_writes; }
u64 fake_pci_read_count() { return space().reads; }

namespace arch {

u32 pci_config_read32(u8 bus, u8 device, u8 function, u16 offset)
{
    ++space().reads;
    FakeFunction* fn = find(bus, device, function);
    if (!fn || offset >= 256)
        return 0xFFFFFFFFu;
    return fn->config[(offset & 0xFC) / 4];
}

void pci_config_write32(u8 bus, u8 device, u8 function, u16 offset, u32 value)
{
    FakeFunction* fn = find(bus, device, function);
    if (!fn || offset >= 256)
        return;
    offset &= 0xFC;
    if (is_bar_offset(*fn, offset) && (fn->config[1] & 0x3) != 0)
        ++space().unsafe_bar_writes;
    usize i = offset / 4;
    fn->config[i] = (value & fn->writable[i]) | (fn->config[i] & ~fn->writable[i]);
}

bool pci_config_available() { return space().available; }

// The fake models only the 256-byte header, as the ports reach it.
bool pci_config_extended_available(u8) { return false; }

PciConfigMethod pci_config_method() { return space().method; }

} // namespace arch
