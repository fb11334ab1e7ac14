// Self-test of the e1000 driver on QEMU (`-device e1000` on user networking): eth0
// is registered; every device has a usable MAC and its link comes up, and an ARP
// request for the slirp gateway 10.0.2.2, sent as two fragments, gets its reply
// (with two NICs on one INTx line this exercises the shared line). Without an 8254x
// on the bus it notes a skip and passes.
#include "kernel/lib/string.h"
#include "kernel/pci/pci_bus.h"
#include "kernel/sched/scheduler.h"
#include "kernel/selftest/selftest.h"
#include "kernel/sync/semaphore.h"
#include "net/device/net_device.h"
#include "net/e1000/e1000_models.h"

namespace {

constexpr u8 GATEWAY_IP[4] = { 10, 0, 2, 2 };
constexpr u8 OUR_IP[4] = { 10, 0, 2, 15 };

struct ArpListener {
    net::MacAddress mac;
    net::NetDevice::Receiver previous = nullptr;
    void* previous_context = nullptr;
    Semaphore replied;
    bool seen = false;
};

bool is_arp_reply_from_gateway(ArpListener const& listener, u8 const* frame, usize length)
{
    if (length < 42 || frame[12] != 0x08 || frame[13] != 0x06)
        return false;
    u8 const* arp = frame + 14;
    bool is_reply = arp[6] == 0 && arp[7] == 2;
    return is_reply && memcmp(arp + 14, GATEWAY_IP, 4) == 0 && memcmp(arp + 18, listener.mac.bytes, 6) == 0;
}

void listen(void* context, void const* frame, usize length)
{
    auto* listener = static_cast<ArpListener*>(context);
    if (!listener->seen && is_arp_reply_from_gateway(*listener, static_cast<u8 const*>(frame), length)) {
        listener->seen = true;
        listener->replied.post();
    }
    if (listener->previous)
        listener->previous(listener->previous_context, frame, length);
}

bool has_e1000()
{
    PciBus const& bus = PciBus::the();
    for (usize i = 0; i < bus.count(); ++i) {
        if (e1000::find_model(bus.device(i).vendor_id, bus.device(i).device_id))
            return true;
    }
    return false;
}

bool is_unicast(net::MacAddress const& mac)
{
    u8 any = 0;
    for (u8 byte : mac.bytes)
        any |= byte;
    return any != 0 && !(mac.bytes[0] & 1);
}

} // namespace

namespace {

// Link up, a usable MAC, and an ARP request for the gateway (two fragments)
// answered on device; counters moved.
void check_device(SelfTestContext& t, net::NetDevice& device)
{
    for (int i = 0; i < 300 && !device.link_up(); ++i)
        sched::sleep_ms(10);
    ST_EXPECT(device.link_up());
    ST_EXPECT(is_unicast(device.mac()));

    static ArpListener listener;
    listener.mac = device.mac();
    listener.seen = false;
    while (listener.replied.try_wait()) { }
    listener.previous = device.receiver();
    listener.previous_context = device.receiver_context();
    device.set_receiver(listen, &listener);

    u8 header[14];
    memset(header, 0xFF, 6);
    memcpy(header + 6, listener.mac.bytes, 6);
    header[12] = 0x08, header[13] = 0x06;
    u8 arp[28] = { 0, 1, 0x08, 0, 6, 4, 0, 1 }; // Ethernet, IPv4, request
    memcpy(arp + 8, listener.mac.bytes, 6);
    memcpy(arp + 14, OUR_IP, 4);
    memcpy(arp + 24, GATEWAY_IP, 4);
    net::NetFragment fragments[2] = { { header, sizeof(header) }, { arp, sizeof(arp) } };

    net::NetDeviceCounters before = device.counters();
    bool replied = false;
    for (int attempt = 0; attempt < 10 && !replied; ++attempt) {
        ST_EXPECT(!device.transmit(fragments, 2).is_error());
        replied = !listener.replied.wait(500).is_error();
    }
    device.set_receiver(listener.previous, listener.previous_context);
    ST_EXPECT(replied);
    net::NetDeviceCounters after = device.counters();
    ST_EXPECT(after.tx_packets > before.tx_packets);
    ST_EXPECT(after.rx_packets > before.rx_packets);
    t.note("%.*s: tx %llu rx %llu rx_errors %llu, gateway %s", int(device.name().length()),
        device.name().characters(), (unsigned long long)after.tx_packets, (unsigned long long)after.rx_packets,
        (unsigned long long)after.rx_errors, replied ? "answered" : "silent");
}

} // namespace

SELFTEST("e1000: every eth has a MAC, link up, and the gateway answers ARP")
{
    if (!has_e1000()) {
        t.note("no 8254x on the PCI bus: skipped");
        return;
    }
    net::NetDeviceRegistry& registry = net::NetDeviceRegistry::the();
    ST_EXPECT(registry.find("eth0") != nullptr);
    for (usize i = 0; i < registry.count(); ++i)
        check_device(t, *registry.at(i));
}
