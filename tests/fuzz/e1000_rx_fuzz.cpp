// libFuzzer target: arbitrary descriptor write-backs from a broken or hostile
// 8254x. The input is cut into 16-byte descriptor images that overwrite the RX ring
// (status, length, errors, even the buffer address) ahead of the driver, with the
// TX descriptors' status bytes taken from the same input; the driver then services
// the device. Every delivered frame must lie inside one of the driver's own
// buffers and respect the length bounds; ASan catches any read outside them.
#include <cstring>

#include "net/e1000/e1000_device.h"
#include "tests/host/net/e1000/fake_e1000.h"

namespace {

struct Bounds {
    E1000RxRing const* ring = nullptr;
    u64 checksum = 0;
};

Bounds g_bounds;

void check_frame(void*, void const* frame, usize length)
{
    if (length < E1000RxRing::MIN_DELIVERED || length > E1000RxRing::MAX_DELIVERED)
        __builtin_trap();
    auto bytes = static_cast<u8 const*>(frame);
    for (usize i = 0; i < length; ++i)
        g_bounds.checksum += bytes[i]; // touches every byte: ASan checks the bounds
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(u8 const* data, usize size)
{
    FakeDma dma;
    FakeE1000 hw(dma);
    E1000Device device(hw, dma, e1000::EERD_LARGE, "eth0"_sv);
    device.set_receiver(check_frame, nullptr);
    if (device.start(8, 8).is_error())
        __builtin_trap();
    // Some frames in flight so reclaim has descriptors to read.
    u8 frame[60] = {};
    net::NetFragment fragment { frame, sizeof(frame) };
    for (int i = 0; i < 3; ++i)
        (void)device.transmit(&fragment, 1);

    auto* rx = reinterpret_cast<e1000::RxDescriptor*>(dma.translate(
        PhysAddr(hw.registers[e1000::reg::RDBAL]) | PhysAddr(hw.registers[e1000::reg::RDBAH]) << 32, 8 * 16));
    auto* tx = reinterpret_cast<e1000::TxDescriptor*>(dma.translate(
        PhysAddr(hw.registers[e1000::reg::TDBAL]) | PhysAddr(hw.registers[e1000::reg::TDBAH]) << 32, 8 * 16));
    usize slot = 0;
    for (usize offset = 0; offset + 16 <= size; offset += 16) {
        std::memcpy(&rx[slot % 8], data + offset, 16);
        tx[slot % 8].status = data[offset + 15];
        ++slot;
        // The second-to-last byte decides when the driver looks (and what ICR says).
        if (data[offset + 14] & 1) {
            hw.registers[e1000::reg::ICR] = u32(data[offset + 13]) << 24 | data[offset + 12];
            device.acknowledge_interrupt();
            device.service();
            (void)device.transmit(&fragment, 1);
        }
    }
    device.service();
    net::NetDeviceCounters counters = device.counters();
    if (counters.rx_packets > slot + 8 || counters.tx_packets > 3 + slot + 1)
        __builtin_trap();
    return 0;
}
