// PCI enumeration and BAR decoding against the fake configuration space: a small
// QEMU-like machine (host bridge, e1000, a multi-function device, a bridge to bus 1).
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "kernel/monitor/monitor.h"
#include "kernel/pci/pci_bus.h"
#include "kernel/pci/pci_format.h"
#include "kernel/pci/pci_monitor_command.h"
#include "tests/host/kernel/pci/fake_pci_config.h"

namespace {

struct Header {
    u32 config[64] = {};

    Header(u16 vendor, u16 device, u8 class_code, u8 subclass, u8 prog_if, u8 header_type = 0)
    {
        config[0] = u32(vendor) | u32(device) << 16;
        config[2] = u32(class_code) << 24 | u32(subclass) << 16 | u32(prog_if) << 8 | 0x03;
        config[3] = u32(header_type) << 16;
        config[15] = 0xFF; // no interrupt line
    }
    Header& bar(usize index, u32 value)
    {
        config[4 + index] = value;
        return *this;
    }
    Header& irq(u8 line, u8 pin)
    {
        config[15] = u32(line) | u32(pin) << 8;
        return *this;
    }
    Header& command(u16 value)
    {
        config[1] = value;
        return *this;
    }
    Header& buses(u8 primary, u8 secondary, u8 subordinate)
    {
        config[6] = u32(primary) | u32(secondary) << 8 | u32(subordinate) << 16;
        return *this;
    }
    void add(u8 bus, u8 device, u8 function) const { fake_pci_add_function(bus, device, function, config); }
};

void build_machine()
{
    fake_pci_reset();
    Header(0x8086, 0x1237, 0x06, 0x00, 0x00).add(0, 0, 0);
    // e1000 with decoding already on, as firmware leaves it.
    Header(0x8086, 0x100e, 0x02, 0x00, 0x00).bar(0, 0xfebc0000).bar(1, 0xc001).irq(11, 1).command(0x0007).add(0, 3, 0);
    fake_pci_set_bar_size(0, 3, 0, 0, 128 * KiB);
    fake_pci_set_bar_size(0, 3, 0, 1, 0x40);
    // A single-function device must not be probed past function 0 (some alias it).
    Header(0x8086, 0x100e, 0x02, 0x00, 0x00).add(0, 3, 1);
    // Multi-function: ISA bridge, IDE, and function 3 with a 64-bit prefetchable BAR.
    Header(0x8086, 0x7000, 0x06, 0x01, 0x00, 0x80).add(0, 4, 0);
    Header(0x8086, 0x7010, 0x01, 0x01, 0x80).bar(4, 0xc041).add(0, 4, 1);
    fake_pci_set_bar_size(0, 4, 1, 4, 0x10);
    Header(0x1af4, 0x1000, 0x02, 0x00, 0x00).bar(2, 0x0000000c).bar(3, 0x8).irq(10, 1).add(0, 4, 3);
    fake_pci_set_bar_size(0, 4, 3, 2, 16 * KiB);
    // PCI-to-PCI bridge to bus 1 and a device behind it.
    Header(0x1b36, 0x0001, 0x06, 0x04, 0x00, 0x01).buses(0, 1, 1).add(0, 5, 0);
    Header(0x1af4, 0x1001, 0x01, 0x00, 0x00).bar(0, 0xd001).irq(10, 1).add(1, 0, 0);
    fake_pci_set_bar_size(1, 0, 0, 0, 0x40);
}

std::string line_of(PciDevice const& device)
{
    char buffer[256];
    pci::format_device(device, buffer, sizeof(buffer));
    return buffer;
}

class CapturingIo final : public MonitorIo {
public:
    int read_byte() override { return -1; }
    void write(char const* text, usize length) override { output.append(text, length); }
    std::string output;
};

} // namespace

TEST_CASE("PCI enumeration finds every function, following the bridge", "[pci]")
{
    build_machine();
    auto bus = std::make_unique<PciBus>();
    auto found = bus->enumerate();
    REQUIRE_FALSE(found.is_error());
    REQUIRE(found.value() == 7);
    CHECK_FALSE(bus->truncated());
    PciAddress expected[] = { { 0, 0, 0 }, { 0, 3, 0 }, { 0, 4, 0 }, { 0, 4, 1 }, { 0, 4, 3 }, { 0, 5, 0 }, { 1, 0, 0 } };
    for (usize i = 0; i < 7; ++i)
        CHECK(bus->device(i).address == expected[i]);

    PciDevice const& bridge = bus->device(5);
    CHECK(bridge.is_bridge());
    CHECK(bridge.secondary_bus == 1);
    CHECK(std::string(pci::class_name(bridge.class_code, bridge.subclass)) == "PCI bridge");
    CHECK(bus->device(2).multi_function);
    CHECK(bus->find(0x1af4, 0x1001) == &bus->device(6));
    CHECK(bus->find_class(0x01, 0x01) == &bus->device(3));
    CHECK(bus->find(0xdead, 0xbeef) == nullptr);
}

TEST_CASE("PCI BARs decode: 32-bit memory, I/O, 64-bit prefetchable", "[pci]")
{
    build_machine();
    auto bus = std::make_unique<PciBus>();
    REQUIRE_FALSE(bus->enumerate().is_error());

    PciDevice const* nic = bus->find(0x8086, 0x100e);
    REQUIRE(nic);
    CHECK(nic->class_code == 0x02);
    CHECK(nic->revision == 0x03);
    CHECK(nic->interrupt_line == 11);
    CHECK(nic->interrupt_pin == 1);
    CHECK(nic->bars[0].kind == PciBar::Kind::Memory32);
    CHECK(nic->bars[0].base == 0xfebc0000);
    CHECK(nic->bars[0].size == 0x20000);
    CHECK_FALSE(nic->bars[0].prefetchable);
    CHECK(nic->bars[1].kind == PciBar::Kind::Io);
    CHECK(nic->bars[1].base == 0xc000);
    CHECK(nic->bars[1].size == 0x40);
    CHECK_FALSE(nic->bars[2].is_present());

    PciDevice const* wide = bus->find(0x1af4, 0x1000);
    REQUIRE(wide);
    CHECK(wide->bars[2].kind == PciBar::Kind::Memory64);
    CHECK(wide->bars[2].base == 0x800000000ull);
    CHECK(wide->bars[2].size == 16 * KiB);
    CHECK(wide->bars[2].prefetchable);
    CHECK(wide->bars[3].kind == PciBar::Kind::None);

    PciDevice const* ide = bus->find(0x8086, 0x7010);
    REQUIRE(ide);
    CHECK(ide->bars[4].kind == PciBar::Kind::Io);
    CHECK(ide->bars[4].size == 0x10);
}

TEST_CASE("PCI BAR sizing disables decoding and restores registers", "[pci]")
{
    build_machine();
    auto bus = std::make_unique<PciBus>();
    REQUIRE_FALSE(bus->enumerate().is_error());
    CHECK(fake_pci_unsafe_bar_writes() == 0);
    CHECK((fake_pci_peek(0, 3, 0, 0x04) & 0xFFFF) == 0x0007);
    CHECK(fake_pci_peek(0, 3, 0, 0x10) == 0xfebc0000);
    CHECK(fake_pci_peek(0, 3, 0, 0x14) == 0xc001);
    CHECK(fake_pci_peek(0, 4, 3, 0x18) == 0x0000000c);
    CHECK(fake_pci_peek(0, 4, 3, 0x1c) == 0x8);
}

TEST_CASE("PCI formatter prints lspci-style lines", "[pci]")
{
    build_machine();
    auto bus = std::make_unique<PciBus>();
    REQUIRE_FALSE(bus->enumerate().is_error());
    CHECK(line_of(*bus->find(0x8086, 0x100e))
        == "00:03.0 8086:100e class 02.00.00 irq 11 bar0 mem 0xfebc0000 size 0x20000 bar1 io 0xc000 size 0x40");
    CHECK(line_of(bus->device(0)) == "00:00.0 8086:1237 class 06.00.00 irq -");
    CHECK(line_of(*bus->find(0x1af4, 0x1000))
        == "00:04.3 1af4:1000 class 02.00.00 irq 10 bar2 mem64 0x800000000 size 0x4000 pref");
    char tiny[8];
    usize full = pci::format_device(bus->device(0), tiny, sizeof(tiny));
    CHECK(full == std::string("00:00.0 8086:1237 class 06.00.00 irq -").size());
    CHECK(std::string(tiny) == "00:00.0");
    CHECK(std::string(pci::class_name(0x02, 0x00)) == "Ethernet controller");
    CHECK(std::string(pci::class_name(0x02, 0x80)) == "Network controller");
    CHECK(std::string(pci::class_name(0x01, 0x06)) == "SATA controller");
    CHECK(std::string(pci::class_name(0x03, 0x00)) == "VGA controller");
    CHECK(std::string(pci::class_name(0xEE, 0x00)) == "Unknown");
}

TEST_CASE("PCI command helpers set bus mastering and memory space", "[pci]")
{
    build_machine();
    auto bus = std::make_unique<PciBus>();
    REQUIRE_FALSE(bus->enumerate().is_error());
    PciDevice const* disk = bus->find(0x1af4, 0x1001);
    REQUIRE(disk);
    CHECK((fake_pci_peek(1, 0, 0, 0x04) & 0x7) == 0);
    pci::enable_memory_space(*disk);
    pci::enable_bus_mastering(*disk);
    CHECK((fake_pci_peek(1, 0, 0, 0x04) & 0x7) == 0x6);
    pci::enable_io_space(*disk);
    CHECK((fake_pci_peek(1, 0, 0, 0x04) & 0x7) == 0x7);
}

TEST_CASE("PCI enumeration survives bridge loops and stays bounded", "[pci]")
{
    fake_pci_reset();
    Header(0x8086, 0x1237, 0x06, 0x00, 0x00).add(0, 0, 0);
    // Bridge 0 -> 1, and on bus 1 bridges back to 0 and to itself.
    Header(0x1b36, 0x0001, 0x06, 0x04, 0x00, 0x01).buses(0, 1, 1).add(0, 1, 0);
    Header(0x1b36, 0x0001, 0x06, 0x04, 0x00, 0x01).buses(1, 0, 0).add(1, 0, 0);
    Header(0x1b36, 0x0001, 0x06, 0x04, 0x00, 0x01).buses(1, 1, 1).add(1, 1, 0);
    // An unconfigured bridge (secondary 0) is listed but not followed.
    Header(0x1b36, 0x0001, 0x06, 0x04, 0x00, 0x01).add(0, 2, 0);
    auto bus = std::make_unique<PciBus>();
    auto found = bus->enumerate();
    REQUIRE_FALSE(found.is_error());
    CHECK(found.value() == 5);
    // Two buses scanned: at most 2 x 32 slots x 8 functions x a few dwords.
    CHECK(fake_pci_read_count() < 2 * 32 * 8 * 16);
}

TEST_CASE("PCI list is fixed-capacity and says when it is full", "[pci]")
{
    fake_pci_reset();
    for (u8 slot = 0; slot < 32; ++slot) {
        for (u8 function = 0; function < 8; ++function)
            Header(0x1234, u16(slot * 8 + function), 0x02, 0x00, 0x00, 0x80).add(0, slot, function);
    }
    auto bus = std::make_unique<PciBus>();
    auto found = bus->enumerate();
    REQUIRE_FALSE(found.is_error());
    CHECK(found.value() == PciBus::MAX_DEVICES);
    CHECK(bus->truncated());
}

TEST_CASE("PCI enumeration reports a missing configuration mechanism", "[pci]")
{
    fake_pci_reset();
    fake_pci_set_available(false);
    auto bus = std::make_unique<PciBus>();
    auto found = bus->enumerate();
    REQUIRE(found.is_error());
    CHECK(found.error() == Error::NoDevice);
    fake_pci_reset();
}

TEST_CASE("PCI monitor command lists the boot enumeration", "[pci]")
{
    build_machine();
    REQUIRE_FALSE(PciBus::the().enumerate().is_error());
    CapturingIo io;
    command_pci(io, StringView(""));
    CHECK(io.output.find("00:03.0 8086:100e class 02.00.00 irq 11 bar0 mem 0xfebc0000 size 0x20000") != std::string::npos);
    CHECK(io.output.find("[Ethernet controller]") != std::string::npos);
    CHECK(io.output.find("01:00.0 1af4:1001") != std::string::npos);
    CHECK(io.output.rfind("# config: ports 0xcf8/0xcfc\n", 0) == 0);
    fake_pci_reset();
}

TEST_CASE("PCI monitor command names ECAM when the seam uses it", "[pci]")
{
    build_machine();
    REQUIRE_FALSE(PciBus::the().enumerate().is_error());
    fake_pci_set_method({ arch::PciConfigMethod::Kind::Ecam, 0xB0000000, 0, 255 });
    CapturingIo io;
    command_pci(io, StringView(""));
    CHECK(io.output.rfind("# config: ecam 0xb0000000 buses 0-255\n", 0) == 0);
    CHECK(io.output.find("00:00.0 8086:1237") != std::string::npos);
    fake_pci_reset();
}
