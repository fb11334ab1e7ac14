// E1000Device and its rings against a fake 8254x register file with fake DMA
// memory: bring-up, MAC discovery, receive (order, wrap, errors), transmit (gather,
// full ring, reclaim), interrupts, link changes and counters.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "net/e1000/e1000_device.h"
#include "net/e1000/e1000_models.h"
#include "tests/host/net/e1000/fake_e1000.h"

using namespace e1000;

namespace {

std::vector<u8> make_frame(usize length, u8 seed)
{
    std::vector<u8> frame(length);
    for (usize i = 0; i < length; ++i)
        frame[i] = u8(seed + i);
    return frame;
}

struct Received {
    std::vector<std::vector<u8>> frames;
    std::vector<bool> links;
    static void on_frame(void* context, void const* frame, usize length)
    {
        auto bytes = static_cast<u8 const*>(frame);
        static_cast<Received*>(context)->frames.emplace_back(bytes, bytes + length);
    }
    static void on_link(void* context, bool up) { static_cast<Received*>(context)->links.push_back(up); }
};

struct Fixture {
    FakeDma dma;
    FakeE1000 hw { dma };
    E1000Device device { hw, dma, EERD_LARGE, "eth0"_sv };
    Received received;

    explicit Fixture(usize rx = 8, usize tx = 8, bool start = true)
    {
        device.set_receiver(Received::on_frame, &received);
        device.set_link_listener(Received::on_link, &received);
        if (start)
            REQUIRE(!device.start(rx, tx).is_error());
    }
};

std::string mac_text(net::MacAddress mac)
{
    char text[18];
    snprintf(text, sizeof(text), "%02x:%02x:%02x:%02x:%02x:%02x", mac.bytes[0], mac.bytes[1], mac.bytes[2],
        mac.bytes[3], mac.bytes[4], mac.bytes[5]);
    return text;
}

} // namespace

TEST_CASE("e1000 start resets, programs both rings and enables interrupts", "[e1000]")
{
    Fixture f;
    REQUIRE(f.device.name() == "eth0"_sv);
    REQUIRE(f.hw.registers[reg::RDLEN] == 8 * 16);
    REQUIRE(f.hw.registers[reg::RDBAH] == 1); // the fake DMA hands out addresses above 4 GiB
    REQUIRE(f.hw.registers[reg::RDH] == 0);
    REQUIRE(f.hw.registers[reg::RDT] == 7);
    REQUIRE(f.hw.registers[reg::TDLEN] == 8 * 16);
    REQUIRE(f.hw.registers[reg::TDH] == 0);
    REQUIRE(f.hw.registers[reg::TDT] == 0);
    REQUIRE((f.hw.registers[reg::RCTL] & (rctl::EN | rctl::SECRC | rctl::BAM)) == (rctl::EN | rctl::SECRC | rctl::BAM));
    REQUIRE((f.hw.registers[reg::TCTL] & tctl::EN) != 0);
    REQUIRE((f.hw.registers[reg::CTRL] & ctrl::SLU) != 0);
    REQUIRE(f.hw.registers[reg::IMS] == cause::ENABLED);
    REQUIRE(f.device.link_up());
    REQUIRE(f.device.start().error() == Error::InvalidArgument); // once
}

TEST_CASE("e1000 reads the MAC from RAL0/RAH0, else from the EEPROM", "[e1000]")
{
    SECTION("receive address registers")
    {
        Fixture f;
        REQUIRE(mac_text(f.device.mac()) == "52:54:00:12:34:56");
    }
    SECTION("EEPROM when RAH0 is not valid, and RAH0 is then written back")
    {
        Fixture f(8, 8, false);
        f.hw.registers[reg::RAH0] = 0;
        f.hw.eeprom[0] = 0x1100, f.hw.eeprom[1] = 0x3322, f.hw.eeprom[2] = 0x5544;
        REQUIRE(!f.device.start(8, 8).is_error());
        REQUIRE(mac_text(f.device.mac()) == "00:11:22:33:44:55");
        REQUIRE(f.hw.registers[reg::RAL0] == 0x33221100);
        REQUIRE(f.hw.registers[reg::RAH0] == (0x5544 | RAH_AV));
    }
    SECTION("82541-style EEPROM register layout")
    {
        FakeDma dma;
        FakeE1000 hw(dma);
        hw.registers[reg::RAH0] = 0;
        hw.eeprom_layout = EERD_SMALL;
        hw.eeprom[0] = 0x0a02, hw.eeprom[1] = 0x0c0b, hw.eeprom[2] = 0x0e0d;
        E1000Device device(hw, dma, EERD_SMALL, "eth1"_sv);
        REQUIRE(!device.start(8, 8).is_error());
        REQUIRE(mac_text(device.mac()) == "02:0a:0b:0c:0d:0e");
    }
    SECTION("no usable address anywhere")
    {
        Fixture f(8, 8, false);
        f.hw.registers[reg::RAH0] = 0;
        f.hw.eeprom_answers = false;
        REQUIRE(f.device.start(8, 8).error() == Error::NoDevice);
    }
    SECTION("a multicast address in the EEPROM is refused")
    {
        Fixture f(8, 8, false);
        f.hw.registers[reg::RAH0] = 0;
        f.hw.eeprom[0] = 0x0001;
        REQUIRE(f.device.start(8, 8).error() == Error::NoDevice);
    }
}

TEST_CASE("e1000 start fails cleanly", "[e1000]")
{
    SECTION("a reset that never finishes")
    {
        Fixture f(8, 8, false);
        f.hw.reset_sticks = true;
        REQUIRE(f.device.start(8, 8).error() == Error::TimedOut);
    }
    SECTION("bad ring sizes")
    {
        Fixture f(8, 8, false);
        REQUIRE(f.device.start(12, 8).error() == Error::InvalidArgument);
    }
    SECTION("no DMA memory")
    {
        Fixture f(8, 8, false);
        f.dma.fail_allocations = true;
        REQUIRE(f.device.start(8, 8).error() == Error::NoMemory);
        REQUIRE(f.dma.outstanding() == 0);
    }
}

TEST_CASE("e1000 receives several frames in order and counts them", "[e1000]")
{
    Fixture f;
    auto a = make_frame(60, 1), b = make_frame(1514, 2), c = make_frame(342, 3);
    REQUIRE(f.hw.receive(a));
    REQUIRE(f.hw.receive(b));
    REQUIRE(f.hw.receive(c));
    REQUIRE(f.device.service());
    REQUIRE(f.received.frames == std::vector<std::vector<u8>> { a, b, c });
    REQUIRE(f.hw.registers[reg::RDT] == 2); // the three buffers went back
    net::NetDeviceCounters counters = f.device.counters();
    REQUIRE(counters.rx_packets == 3);
    REQUIRE(counters.rx_bytes == 60 + 1514 + 342);
    REQUIRE(counters.rx_errors == 0);
    REQUIRE(!f.device.service()); // nothing left
}

TEST_CASE("e1000 RX ring wraps around many times", "[e1000]")
{
    Fixture f;
    usize delivered = 0;
    for (int round = 0; round < 10; ++round) {
        // The driver keeps one descriptor: at most 7 frames fit in an 8-entry ring.
        for (int i = 0; i < 7; ++i)
            REQUIRE(f.hw.receive(make_frame(64, u8(round * 7 + i))));
        REQUIRE(!f.hw.receive(make_frame(64, 0))); // full: the device counts a miss
        f.device.service();
        for (usize i = delivered; i < f.received.frames.size(); ++i)
            REQUIRE(f.received.frames[i] == make_frame(64, u8(i)));
        delivered = f.received.frames.size();
    }
    REQUIRE(delivered == 70);
    net::NetDeviceCounters counters = f.device.counters();
    REQUIRE(counters.rx_packets == 70);
    REQUIRE(counters.rx_dropped == 10); // MPC, folded in from the hardware
}

TEST_CASE("e1000 counts bad receive descriptors as errors and goes on", "[e1000]")
{
    Fixture f;
    auto good = make_frame(100, 9);
    f.hw.receive(make_frame(100, 1), rx_status::DD | rx_status::EOP, 0x01);  // CRC error
    f.hw.receive(make_frame(100, 2), rx_status::DD | rx_status::EOP, 0, 10); // runt
    f.hw.receive(make_frame(100, 3), rx_status::DD | rx_status::EOP, 0, 4000); // longer than the buffer
    f.hw.receive(make_frame(100, 4), rx_status::DD);                          // first piece of a long frame
    f.hw.receive(make_frame(100, 5), rx_status::DD | rx_status::EOP);         // ... and its end
    f.hw.receive(good);
    f.device.service();
    REQUIRE(f.received.frames == std::vector<std::vector<u8>> { good });
    net::NetDeviceCounters counters = f.device.counters();
    REQUIRE(counters.rx_errors == 4);
    REQUIRE(counters.rx_packets == 1);
}

TEST_CASE("e1000 counts frames nobody takes as dropped", "[e1000]")
{
    Fixture f;
    f.device.set_receiver(nullptr, nullptr);
    f.hw.receive(make_frame(64, 1));
    f.device.service();
    REQUIRE(f.device.counters().rx_dropped == 1);
    REQUIRE(f.device.counters().rx_packets == 0);
}

TEST_CASE("e1000 transmits a frame gathered from fragments", "[e1000]")
{
    Fixture f;
    auto header = make_frame(14, 1), payload = make_frame(50, 100);
    net::NetFragment fragments[3] = { { header.data(), header.size() }, { nullptr, 0 }, { payload.data(), payload.size() } };
    REQUIRE(!f.device.transmit(fragments, 3).is_error());
    REQUIRE(f.hw.registers[reg::TDT] == 1);
    auto sent = f.hw.transmit_pending();
    REQUIRE(sent.size() == 1);
    std::vector<u8> expected = header;
    expected.insert(expected.end(), payload.begin(), payload.end());
    REQUIRE(sent[0] == expected);
    REQUIRE(f.hw.last_tx_command == (tx_command::EOP | tx_command::IFCS | tx_command::RS));
    net::NetDeviceCounters counters = f.device.counters();
    REQUIRE(counters.tx_packets == 1);
    REQUIRE(counters.tx_bytes == 64);
}

TEST_CASE("e1000 refuses empty and oversized frames", "[e1000]")
{
    Fixture f;
    auto big = make_frame(1000, 0);
    net::NetFragment two_big[2] = { { big.data(), big.size() }, { big.data(), big.size() } };
    net::NetFragment empty[1] = { { nullptr, 0 } };
    net::NetFragment null_data[1] = { { nullptr, 20 } };
    REQUIRE(f.device.transmit(two_big, 2).error() == Error::InvalidArgument);
    REQUIRE(f.device.transmit(empty, 1).error() == Error::InvalidArgument);
    REQUIRE(f.device.transmit(null_data, 1).error() == Error::InvalidArgument);
    REQUIRE(f.device.transmit(nullptr, 0).error() == Error::InvalidArgument);
    REQUIRE(f.hw.registers[reg::TDT] == 0);
}

TEST_CASE("e1000 TX ring full gives TryAgain until the device catches up", "[e1000]")
{
    Fixture f;
    auto frame = make_frame(60, 7);
    net::NetFragment fragment { frame.data(), frame.size() };
    for (int i = 0; i < 7; ++i)
        REQUIRE(!f.device.transmit(&fragment, 1).is_error());
    REQUIRE(f.device.transmit(&fragment, 1).error() == Error::TryAgain);
    REQUIRE(f.device.counters().tx_dropped == 1);
    // The device sends them; the next transmit reclaims on its own.
    REQUIRE(f.hw.transmit_pending().size() == 7);
    REQUIRE(!f.device.transmit(&fragment, 1).is_error());
    // Many more rounds across the wrap, reclaimed by service() this time.
    for (int round = 0; round < 20; ++round) {
        f.hw.transmit_pending();
        f.device.service();
        for (int i = 0; i < 7; ++i)
            REQUIRE(!f.device.transmit(&fragment, 1).is_error());
    }
    REQUIRE(f.device.counters().tx_packets == 7 + 1 + 20 * 7);
}

TEST_CASE("e1000 counts collision failures as transmit errors", "[e1000]")
{
    Fixture f;
    auto frame = make_frame(60, 7);
    net::NetFragment fragment { frame.data(), frame.size() };
    REQUIRE(!f.device.transmit(&fragment, 1).is_error());
    f.hw.transmit_pending(tx_status::EC);
    f.hw.registers[reg::LATECOL] = 2;
    f.device.service();
    REQUIRE(f.device.counters().tx_errors == 1 + 2);
}

TEST_CASE("e1000 interrupts: acknowledged, recorded, and shared lines told apart", "[e1000]")
{
    Fixture f;
    REQUIRE(!f.device.acknowledge_interrupt()); // ICR 0: someone else on the line
    f.hw.receive(make_frame(64, 1));
    REQUIRE(f.device.acknowledge_interrupt());
    REQUIRE(f.hw.registers[reg::ICR] == 0); // read, so cleared: the line drops
    REQUIRE(f.device.interrupts() == 1);
    REQUIRE(f.device.has_pending_causes());
    REQUIRE(f.device.service());
    REQUIRE(!f.device.has_pending_causes());
    REQUIRE(f.received.frames.size() == 1);
    f.hw.registers[reg::ICR] = ~0u; // a vanished device reads all ones
    REQUIRE(!f.device.acknowledge_interrupt());
}

TEST_CASE("e1000 reports link changes to the listener", "[e1000]")
{
    Fixture f;
    f.hw.set_link(false);
    REQUIRE(f.device.acknowledge_interrupt());
    f.device.service();
    REQUIRE(!f.device.link_up());
    f.hw.set_link(true);
    f.device.service(); // found by polling ICR, without an interrupt
    REQUIRE(f.device.link_up());
    REQUIRE(f.received.links == std::vector<bool> { false, true });
}

TEST_CASE("e1000 folds the hardware statistics into the counters", "[e1000]")
{
    Fixture f;
    f.hw.registers[reg::CRCERRS] = 3;
    f.hw.registers[reg::RLEC] = 1;
    f.hw.registers[reg::MPC] = 5;
    f.hw.registers[reg::ECOL] = 2;
    f.device.fold_hardware_counters();
    net::NetDeviceCounters counters = f.device.counters(); // reads again: registers are now 0
    REQUIRE(counters.rx_errors == 4);
    REQUIRE(counters.rx_dropped == 5);
    REQUIRE(counters.tx_errors == 2);
}

TEST_CASE("e1000 stops DMA and returns its memory when destroyed", "[e1000]")
{
    FakeDma dma;
    FakeE1000 hw(dma);
    {
        E1000Device device(hw, dma, EERD_LARGE, "eth0"_sv);
        REQUIRE(!device.start(8, 8).is_error());
        REQUIRE(dma.outstanding() == 4);
    }
    REQUIRE(dma.outstanding() == 0);
    REQUIRE(hw.registers[reg::RCTL] == 0);
    REQUIRE(hw.registers[reg::TCTL] == 0);
    REQUIRE(hw.registers[reg::IMS] == 0);
}

TEST_CASE("e1000 model table knows QEMU's e1000 and the 8254x family", "[e1000]")
{
    REQUIRE(find_model(0x8086, 0x100e) != nullptr);
    REQUIRE(std::string(find_model(0x8086, 0x100e)->name) == "82540EM");
    REQUIRE(find_model(0x8086, 0x100f) != nullptr);
    REQUIRE(find_model(0x8086, 0x1076)->eeprom.done_bit == EERD_SMALL.done_bit);
    REQUIRE(find_model(0x8086, 0x10d3) == nullptr); // 82574 (e1000e): not this driver
    REQUIRE(find_model(0x10ec, 0x100e) == nullptr);
}
