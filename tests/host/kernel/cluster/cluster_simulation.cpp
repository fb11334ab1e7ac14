// The simulated network, clock and fault injection behind the cluster property
// tests (see cluster_simulation.h).
#include "tests/host/kernel/cluster/cluster_simulation.h"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include <catch2/catch.hpp>

struct SimCluster::Packet {
    u64 at;
    u64 serial;
    usize from;
    usize to;
    bool stream;
    u64 to_boot; // streams die with the connection: only this boot of the target gets them
    std::vector<u8> bytes;
};

struct SimCluster::Slot {
    NetAddress address;
    ClusterKey key;
    bool up { false };
    u64 boots { 0 };
    std::unique_ptr<Transport> transport;
    std::unique_ptr<Events> events;
    std::unique_ptr<ClusterNode> node;
    // One decoder per sending peer index: frames arrive split in pieces.
    std::map<usize, std::unique_ptr<FrameStreamDecoder>> decoders;
};

namespace {
// Heap order: the earliest packet (then the first sent) on top.
template<typename P>
bool packet_after(P const& a, P const& b)
{
    return a.at != b.at ? a.at > b.at : a.serial > b.serial;
}
}

class SimCluster::Transport final : public ClusterTransport {
public:
    Transport(SimCluster& cluster, usize index)
        : m_cluster(cluster)
        , m_index(index)
    {
    }
    void broadcast(u8 const* bytes, usize size) override { m_cluster.send(m_index, -1, false, bytes, size); }
    void send_datagram(NetAddress to, u8 const* bytes, usize size) override
    {
        for (usize i = 0; i < m_cluster.m_slots.size(); ++i) {
            if (m_cluster.m_slots[i]->address == to)
                m_cluster.send(m_index, int(i), false, bytes, size);
        }
    }
    void send_stream(NodeId to, u8 const* bytes, usize size) override
    {
        int target = m_cluster.index_of(to);
        if (target >= 0)
            m_cluster.send(m_index, target, true, bytes, size);
    }
    void connect(NodeId, NetAddress) override { }
    void disconnect(NodeId) override { }

private:
    SimCluster& m_cluster;
    usize m_index;
};

class SimCluster::Events final : public ClusterEvents {
public:
    Events(SimCluster& cluster, usize index)
        : m_cluster(cluster)
        , m_index(index)
    {
    }
    void on_view_changed(MembershipView const& view, NodeId) override { m_cluster.record_view(m_index, view); }
    void on_log(LogLevel, char const* text) override { m_cluster.log_line(m_index, text); }

private:
    SimCluster& m_cluster;
    usize m_index;
};

SimCluster::SimCluster(u64 seed, usize node_count, SimTiming timing)
    : m_rng(seed)
    , m_timing(timing)
{
    for (usize i = 0; i < node_count; ++i) {
        auto slot = std::make_unique<Slot>();
        slot->address = { 0x0a000001u + u32(i), 7400 };
        slot->key = make_test_key("development key");
        m_slots.push_back(std::move(slot));
    }
    m_groups.assign(node_count, 0);
}

SimCluster::~SimCluster() = default;

void SimCluster::set_key(usize index, char const* key) { m_slots[index]->key = make_test_key(key); }

ClusterNode& SimCluster::node(usize index) { return *m_slots[index]->node; }

bool SimCluster::is_up(usize index) const { return m_slots[index]->up; }

int SimCluster::index_of(NodeId number) const
{
    for (usize i = 0; i < m_slots.size(); ++i) {
        auto const& slot = *m_slots[i];
        if (slot.up && slot.node->membership().is_member() && slot.node->membership().self() == number)
            return int(i);
    }
    return -1;
}

void SimCluster::boot(usize index)
{
    auto& slot = *m_slots[index];
    MembershipConfig config;
    REQUIRE(!config.set_cluster_name("sim"_sv).is_error());
    config.requested_node = index == 0 || m_fixed_numbers ? NodeId(u16(index + 1)) : NodeId();
    if (auto requested = m_requested.find(index); requested != m_requested.end())
        config.requested_node = requested->second;
    if (auto preferred = m_preferred.find(index); preferred != m_preferred.end())
        config.preferred_node = preferred->second;
    config.address = slot.address;
    config.features.cpu_count = u16(1 + index % 4);
    config.features.memory_mib = 256 * u32(1 + index);
    config.features.add_cpu_feature(CpuFeature::Fpu);
    if (index % 2)
        config.features.add_cpu_feature(CpuFeature::Avx2);
    config.may_found = std::find(m_founders.begin(), m_founders.end(), index) != m_founders.end();
    config.heartbeat_interval_ms = m_timing.heartbeat_ms;
    config.suspect_after_ms = m_timing.suspect_ms;
    config.dead_after_ms = m_timing.dead_ms;
    config.beacon_interval_ms = m_timing.beacon_ms;
    config.join_retry_ms = m_timing.join_retry_ms;
    config.discovery_ms = m_timing.discovery_ms;
    ++slot.boots;
    // Incarnations grow with (simulated) boot time, as the real-time clock does.
    Incarnation incarnation = (m_now + 1) * 64 + slot.boots;
    slot.node.reset();
    slot.transport = std::make_unique<Transport>(*this, index);
    slot.events = std::make_unique<Events>(*this, index);
    slot.node = std::make_unique<ClusterNode>(config, incarnation, slot.key, m_authenticator, *slot.transport, *slot.events);
    slot.decoders.clear();
    slot.up = true;
    slot.node->start(m_now);
    REQUIRE(!register_rpc_test_services(slot.node->rpc()).is_error());
}

void SimCluster::crash(usize index)
{
    auto& slot = *m_slots[index];
    slot.up = false;
    slot.node.reset();
    slot.decoders.clear();
}

bool SimCluster::can_reach(usize a, usize b) const { return !m_partitioned || m_groups[a] == m_groups[b]; }

void SimCluster::partition(std::vector<int> groups)
{
    m_groups = std::move(groups);
    m_partitioned = true;
}

void SimCluster::heal()
{
    m_groups.assign(m_slots.size(), 0);
    m_partitioned = false;
}

void SimCluster::enqueue_datagram(usize from, usize to, u8 const* bytes, usize size)
{
    if (m_rng.chance(m_faults.loss))
        return;
    int copies = m_rng.chance(m_faults.duplicate) ? 2 : 1;
    for (int c = 0; c < copies; ++c) {
        Packet packet { m_now + m_rng.between(m_faults.min_delay_ms, m_faults.max_delay_ms), m_serial++, from, to, false,
            0, std::vector<u8>(bytes, bytes + size) };
        m_queue.push_back(std::move(packet));
        std::push_heap(m_queue.begin(), m_queue.end(),
            packet_after<Packet>);
    }
}

void SimCluster::send(usize from, int to, bool stream, u8 const* bytes, usize size)
{
    if (!stream) {
        for (usize i = 0; i < m_slots.size(); ++i) {
            if ((to < 0 && i != from) || int(i) == to)
                enqueue_datagram(from, i, bytes, size);
        }
        return;
    }
    // A stream: frame it, cut the frame into pieces, deliver them in order.
    Vector<u8> framed;
    REQUIRE(!append_frame(framed, bytes, size, CLUSTER_MAX_MESSAGE).is_error());
    u64 at = m_now + m_rng.between(m_faults.min_delay_ms, m_faults.max_delay_ms);
    usize offset = 0;
    while (offset < framed.size()) {
        usize piece = std::min<usize>(framed.size() - offset, m_rng.between(1, 600));
        Packet packet { at, m_serial++, from, usize(to), true, m_slots[usize(to)]->boots,
            std::vector<u8>(framed.data() + offset, framed.data() + offset + piece) };
        m_queue.push_back(std::move(packet));
        std::push_heap(m_queue.begin(), m_queue.end(),
            packet_after<Packet>);
        offset += piece;
    }
}

void SimCluster::deliver(Packet const& packet)
{
    auto& slot = *m_slots[packet.to];
    if (!slot.up || !can_reach(packet.from, packet.to))
        return;
    if (!packet.stream) {
        slot.node->on_datagram(m_slots[packet.from]->address, packet.bytes.data(), packet.bytes.size(), m_now);
        return;
    }
    if (packet.to_boot != slot.boots || !m_slots[packet.from]->up)
        return;
    auto& decoder = slot.decoders[packet.from];
    if (!decoder)
        decoder = std::make_unique<FrameStreamDecoder>(CLUSTER_MAX_MESSAGE);
    usize offset = 0;
    while (offset < packet.bytes.size()) {
        auto used = decoder->feed(packet.bytes.data() + offset, packet.bytes.size() - offset);
        REQUIRE(!used.is_error());
        offset += used.value();
        if (decoder->has_frame()) {
            NodeId peer = m_slots[packet.from]->node->membership().self();
            slot.node->on_stream_message(peer, decoder->frame(), decoder->frame_size(), m_now);
            if (!slot.up)
                return;
            decoder->next_frame();
        }
    }
}

void SimCluster::step()
{
    m_now += m_timing.tick_ms;
    auto order = packet_after<Packet>;
    while (!m_queue.empty() && m_queue.front().at <= m_now) {
        std::pop_heap(m_queue.begin(), m_queue.end(), order);
        Packet packet = std::move(m_queue.back());
        m_queue.pop_back();
        deliver(packet);
    }
    for (auto& slot : m_slots) {
        if (slot->up)
            slot->node->on_tick(m_now);
    }
}

void SimCluster::run_for(u64 ms)
{
    u64 end = m_now + ms;
    while (m_now < end)
        step();
}

bool SimCluster::run_until_converged(u64 timeout_ms)
{
    u64 end = m_now + timeout_ms;
    while (m_now < end) {
        step();
        if (m_now % 100 == 0 && converged())
            return true;
    }
    return converged();
}

bool SimCluster::converged(std::string* why) const
{
    MembershipView const* reference = nullptr;
    usize up = 0;
    for (usize i = 0; i < m_slots.size(); ++i) {
        auto const& slot = *m_slots[i];
        if (!slot.up)
            continue;
        ++up;
        auto const& membership = slot.node->membership();
        if (membership.state() != MembershipState::Member) {
            if (why)
                *why = "node index " + std::to_string(i) + " is " + membership_state_name(membership.state());
            return false;
        }
        if (!reference) {
            reference = &membership.view();
        } else if (!membership.view().same_membership(*reference)) {
            if (why)
                *why = "node index " + std::to_string(i) + " holds view " + std::to_string(membership.view().epoch())
                    + ", others " + std::to_string(reference->epoch());
            return false;
        }
        auto const* me = membership.view().find(membership.self());
        if (!me || me->incarnation != membership.incarnation() || !(me->address == slot.address)) {
            if (why)
                *why = "node index " + std::to_string(i) + " is not itself in its view";
            return false;
        }
    }
    if (reference && reference->size() != up) {
        if (why)
            *why = "view lists " + std::to_string(reference->size()) + " members, " + std::to_string(up) + " are up";
        return false;
    }
    return true;
}

bool SimCluster::crash_keeps_quorum(usize index) const
{
    MembershipView const* newest = nullptr;
    for (auto const& slot : m_slots) {
        if (slot->up && slot->node->membership().is_member()
            && (!newest || slot->node->membership().view().epoch() > newest->epoch()))
            newest = &slot->node->membership().view();
    }
    if (!newest)
        return false;
    usize remaining = 0;
    for (auto const& member : newest->members()) {
        for (usize i = 0; i < m_slots.size(); ++i) {
            auto const& slot = *m_slots[i];
            if (i != index && slot.up && slot.address == member.address && slot.node->membership().incarnation() == member.incarnation)
                ++remaining;
        }
    }
    return remaining * 2 > newest->size();
}

bool SimCluster::quorum_lost(bool* policy_held) const
{
    MembershipView const* newest = nullptr;
    for (auto const& slot : m_slots) {
        if (slot->up && slot->node->membership().is_member()
            && (!newest || slot->node->membership().view().stamp().is_newer_than(newest->stamp())))
            newest = &slot->node->membership().view();
    }
    if (!newest)
        return false;
    auto up_in_view = [&](NodeId node) {
        auto const* member = newest->find(node);
        for (auto const& slot : m_slots) {
            if (slot->up && member && slot->address == member->address
                && slot->node->membership().incarnation() == member->incarnation)
                return true;
        }
        return false;
    };
    if (newest->has_quorum(up_in_view))
        return false;
    if (policy_held) {
        *policy_held = true;
        for (auto const& slot : m_slots) {
            auto const& membership = slot->node ? &slot->node->membership() : nullptr;
            if (slot->up && membership && membership->view().same_membership(*newest)
                && membership->state() == MembershipState::Member)
                *policy_held = false;
        }
    }
    return true;
}

void SimCluster::record_view(usize index, MembershipView const& view)
{
    std::vector<std::tuple<u16, u32, u64>> members;
    for (auto const& member : view.members()) {
        if (!members.empty() && std::get<0>(members.back()) >= member.node.value())
            m_violations.push_back("view " + std::to_string(view.epoch()) + " is not sorted and unique");
        members.emplace_back(member.node.value(), member.address.ipv4, member.incarnation);
    }
    auto key = std::make_tuple(view.generation(), view.epoch(), view.creator().value(), view.stamp().creator_incarnation);
    auto [it, inserted] = m_views_seen.emplace(key, members);
    if (!inserted && it->second != members) {
        m_violations.push_back("view " + std::to_string(view.epoch()) + " by node" + std::to_string(view.creator().value())
            + " has two member lists (seen by index " + std::to_string(index) + " at t=" + std::to_string(m_now) + ")");
    }
}

void SimCluster::log_line(usize index, char const* text)
{
    m_log.push_back("t=" + std::to_string(m_now) + " [" + std::to_string(index) + "] " + text);
    if (m_log.size() > 200)
        m_log.erase(m_log.begin());
}

std::string SimCluster::recent_logs() const
{
    std::string text;
    for (auto const& line : m_log)
        text += line + "\n";
    return text;
}

std::vector<u64> simulation_seeds(u64 count, u64 base)
{
    if (char const* one = getenv("UNUM_SIM_SEED"))
        return { strtoull(one, nullptr, 0) };
    std::vector<u64> seeds;
    for (u64 i = 0; i < count; ++i)
        seeds.push_back(base + i);
    return seeds;
}

std::string SimCluster::describe() const
{
    std::string text;
    for (usize i = 0; i < m_slots.size(); ++i) {
        auto const& slot = *m_slots[i];
        text += "index " + std::to_string(i);
        if (!slot.up) {
            text += ": down\n";
            continue;
        }
        auto const& membership = slot.node->membership();
        text += std::string(": ") + membership_state_name(membership.state()) + " node"
            + std::to_string(membership.self().value()) + " inc " + std::to_string(membership.incarnation()) + " view g"
            + std::to_string(membership.view().generation()) + "/e" + std::to_string(membership.view().epoch()) + " {";
        for (auto const& member : membership.view().members())
            text += " " + std::to_string(member.node.value()) + "@" + std::to_string(member.address.ipv4 & 0xff) + "/"
                + std::to_string(member.incarnation);
        text += " }\n";
    }
    return text;
}
