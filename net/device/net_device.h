// NetDevice: what a network interface driver offers the rest of the kernel. The
// lwIP glue (net/lwip_port/) only ever sees this interface, so a second driver
// (virtio-net, say) plugs in without touching it. Drivers register their devices
// in the NetDeviceRegistry when they find the hardware.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

namespace net {

struct MacAddress {
    u8 bytes[6] = {};
    bool operator==(MacAddress const&) const = default;
};

// Totals since the device was started, as `ifconfig` shows them.
struct NetDeviceCounters {
    u64 rx_packets = 0;
    u64 rx_bytes = 0;
    u64 rx_errors = 0;  // frames the hardware reported bad
    u64 rx_dropped = 0; // good frames nobody could take (no receiver, no memory)
    u64 tx_packets = 0;
    u64 tx_bytes = 0;
    u64 tx_errors = 0;
    u64 tx_dropped = 0; // frames refused because the ring was full
};

// One piece of a frame to send; a frame is one or more fragments (lwIP's pbuf
// chains map onto these without an extra copy).
struct NetFragment {
    void const* data = nullptr;
    usize length = 0;
};

class NetDevice {
public:
    // Called for each received frame (Ethernet header first, no FCS) in a kernel
    // thread of the driver, never in interrupt context; the bytes are valid only
    // during the call, so the receiver copies what it keeps.
    using Receiver = void (*)(void* context, void const* frame, usize length);
    // Called, in a driver thread, when the link goes up or down.
    using LinkListener = void (*)(void* context, bool link_up);

    static constexpr usize MAX_FRAME = 1514; // without the FCS

    virtual ~NetDevice() = default;

    virtual StringView name() const = 0; // "eth0"
    virtual MacAddress mac() const = 0;
    virtual bool link_up() const = 0;
    virtual usize mtu() const { return 1500; }
    virtual NetDeviceCounters counters() const = 0;

    // Queues one frame (the fragments in order, at most MAX_FRAME bytes in all)
    // for transmission and returns without waiting for it to leave. Error::TryAgain
    // when the transmit ring is full (counted as tx_dropped); Error::InvalidArgument
    // for an empty or oversized frame. Safe to call from any kernel thread.
    virtual Result<void> transmit(NetFragment const* fragments, usize count) = 0;

    // Sets who receives frames and link changes; nullptr stops delivery (frames
    // are then counted as rx_dropped). Set before traffic starts.
    void set_receiver(Receiver receiver, void* context)
    {
        m_receiver_context = context;
        m_receiver = receiver;
    }
    void set_link_listener(LinkListener listener, void* context)
    {
        m_link_context = context;
        m_link_listener = listener;
    }

    // Who receives frames now (null when nobody), so a test can listen in and pass
    // frames on to the receiver it found.
    Receiver receiver() const { return m_receiver; }
    void* receiver_context() const { return m_receiver_context; }

protected:
    // For drivers: hand a received frame up; false when nobody took it.
    bool deliver(void const* frame, usize length)
    {
        if (!m_receiver)
            return false;
        m_receiver(m_receiver_context, frame, length);
        return true;
    }
    void notify_link(bool up)
    {
        if (m_link_listener)
            m_link_listener(m_link_context, up);
    }

private:
    Receiver m_receiver = nullptr;
    void* m_receiver_context = nullptr;
    LinkListener m_link_listener = nullptr;
    void* m_link_context = nullptr;
};

// The devices drivers have found, in the order they registered ("eth0" first).
class NetDeviceRegistry {
public:
    static constexpr usize MAX_DEVICES = 8;
    static NetDeviceRegistry& the();

    // Error::NoSpace when MAX_DEVICES are registered already.
    Result<void> add(NetDevice& device);
    usize count() const { return m_count; }
    NetDevice* at(usize index) const { return index < m_count ? m_devices[index] : nullptr; }
    NetDevice* find(StringView name) const;

private:
    NetDevice* m_devices[MAX_DEVICES] = {};
    usize m_count = 0;
};

} // namespace net
