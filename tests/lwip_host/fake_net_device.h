// FakeNetDevice: a NetDevice without hardware, for driving the lwIP glue
// (net/lwip_port/ethernet_netif.h) on the host. The test hands it received
// frames and link changes; it keeps what the glue transmits, one record per
// frame with the number of fragments it came in. transmit() can be told to
// fail the way a driver does (TryAgain for a full ring). Test support; one
// thread.
#pragma once

#include <vector>

#include "net/device/net_device.h"

namespace net {

class FakeNetDevice final : public NetDevice {
public:
    struct SentFrame {
        std::vector<u8> bytes;
        usize fragments = 0;
    };

    explicit FakeNetDevice(MacAddress mac, usize mtu = 1500)
        : m_mac(mac)
        , m_mtu(mtu)
    {
    }

    StringView name() const override { return "eth0"_sv; }
    MacAddress mac() const override { return m_mac; }
    bool link_up() const override { return m_link_up; }
    usize mtu() const override { return m_mtu; }
    NetDeviceCounters counters() const override { return {}; }

    // Like a driver: refuses an empty or oversized frame, or fails as told.
    Result<void> transmit(NetFragment const* fragments, usize count) override
    {
        if (m_transmit_error != Error::None)
            return m_transmit_error;
        SentFrame frame;
        frame.fragments = count;
        for (usize i = 0; i < count; ++i) {
            auto const* bytes = static_cast<u8 const*>(fragments[i].data);
            frame.bytes.insert(frame.bytes.end(), bytes, bytes + fragments[i].length);
        }
        if (frame.bytes.empty() || frame.bytes.size() > MAX_FRAME) {
            ++refused;
            return Error::InvalidArgument;
        }
        sent.push_back(std::move(frame));
        return {};
    }

    // A frame off the wire; false when nobody receives.
    bool receive(void const* frame, usize length) { return deliver(frame, length); }
    bool receive(std::vector<u8> const& frame) { return deliver(frame.data(), frame.size()); }
    void change_link(bool up)
    {
        m_link_up = up;
        notify_link(up);
    }
    void fail_transmit_with(Error error) { m_transmit_error = error; }

    std::vector<SentFrame> sent;
    usize refused = 0; // frames no driver would send (empty or oversized)

private:
    MacAddress m_mac;
    usize m_mtu;
    bool m_link_up = true;
    Error m_transmit_error = Error::None;
};

} // namespace net
