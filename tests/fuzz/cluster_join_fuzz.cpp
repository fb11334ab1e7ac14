// libFuzzer target: the join handshake and membership as a whole. A founded
// coordinator receives a sequence of datagrams cut from the input (tags are
// not checked, so they reach the state machine) with ticks between them; its
// view must stay well-formed: sorted unique valid numbers, itself a member.
#include <cstddef>
#include <cstdint>
#include <cstring>

#include "kernel/cluster/cluster_node.h"

namespace {

class AcceptingAuthenticator final : public MessageAuthenticator {
public:
    void tag(ClusterKey const&, u8 const* bytes, usize size, u8 out[TAG_SIZE]) const override
    {
        // Every tag is zeros; the target appends zeros to each datagram.
        (void)bytes, (void)size;
        memset(out, 0, TAG_SIZE);
    }
};

class NullTransport final : public ClusterTransport {
public:
    void broadcast(u8 const*, usize) override { }
    void send_datagram(NetAddress, u8 const*, usize) override { }
    void send_stream(NodeId, u8 const*, usize) override { }
    void connect(NodeId, NetAddress) override { }
    void disconnect(NodeId) override { }
};

class NullEvents final : public ClusterEvents { };

void check(MembershipView const& view, NodeId self)
{
    NodeId previous;
    bool found_self = false;
    for (auto const& member : view.members()) {
        if (!member.node.is_valid() || member.node <= previous)
            __builtin_trap();
        previous = member.node;
        found_self |= member.node == self;
    }
    if (!found_self)
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(uint8_t const* data, size_t size)
{
    static AcceptingAuthenticator authenticator;
    NullTransport transport;
    NullEvents events;
    MembershipConfig config;
    (void)config.set_cluster_name("fuzz"_sv);
    config.requested_node = NodeId(1);
    config.address = { 1, 7400 };
    config.may_found = true;
    config.discovery_ms = 10;
    ClusterNode node(config, 1000, ClusterKey {}, authenticator, transport, events);
    node.start(0);
    u64 now = 20;
    node.on_tick(now);

    // Input: records of [u16 length][u8 from][u8 ticks][bytes...]; each datagram
    // gets a zero tag appended so it authenticates.
    usize offset = 0;
    static u8 datagram[8192];
    while (size - offset >= 4) {
        usize length = usize(data[offset] | (data[offset + 1] << 8)) % 4096;
        u8 from = data[offset + 2];
        u8 ticks = data[offset + 3];
        offset += 4;
        if (length > size - offset)
            length = size - offset;
        memcpy(datagram, data + offset, length);
        memset(datagram + length, 0, CLUSTER_TAG_SIZE);
        offset += length;
        node.on_datagram({ from, 7400 }, datagram, length + CLUSTER_TAG_SIZE, now);
        now += u64(ticks) * 50;
        node.on_tick(now);
        if (node.membership().is_member())
            check(node.members(), node.membership().self());
    }
    return 0;
}
