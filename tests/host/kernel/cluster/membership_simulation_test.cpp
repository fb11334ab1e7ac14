// Membership scenarios on the simulated network: forming a cluster, crashes,
// coordinator failover, reboots, clean leave, duplicate numbers, strangers with
// the wrong key, and the partition policy (docs/cluster.md).
#include <catch2/catch.hpp>

#include <algorithm>

#include "tests/host/kernel/cluster/cluster_simulation.h"

namespace {

void boot_all(SimCluster& cluster)
{
    for (usize i = 0; i < cluster.size(); ++i)
        cluster.boot(i);
}

void require_converged(SimCluster& cluster, u64 timeout_ms = 10000)
{
    bool done = cluster.run_until_converged(timeout_ms);
    std::string why;
    if (!cluster.converged(&why))
        INFO(why << "\n" << cluster.recent_logs());
    REQUIRE(done);
    REQUIRE(cluster.violations().empty());
}

} // namespace

TEST_CASE("three nodes find each other and agree on one view with their features", "[cluster][sim]")
{
    SimCluster cluster(1, 3);
    boot_all(cluster);
    require_converged(cluster);
    auto const& view = cluster.node(2).members();
    REQUIRE(view.size() == 3);
    REQUIRE(view.coordinator() == NodeId(1));
    REQUIRE(cluster.node(0).membership().is_acting_coordinator());
    REQUIRE(!cluster.node(1).membership().is_acting_coordinator());
    for (usize i = 0; i < 3; ++i)
        REQUIRE(cluster.node(i).membership().self() == NodeId(u16(i + 1)));
    // Index 1 (node2) has avx2; everyone has fpu; memory as configured.
    REQUIRE(cluster.node(0).has_feature(NodeId(2), "avx2"_sv));
    REQUIRE(!cluster.node(0).has_feature(NodeId(3), "avx2"_sv));
    REQUIRE(cluster.node(2).has_feature(NodeId(3), "fpu"_sv));
    REQUIRE(cluster.node(1).features_of(NodeId(3))->memory_mib == 768);
}

TEST_CASE("load figures travel with heartbeats without changing the view", "[cluster][sim]")
{
    SimCluster cluster(2, 3);
    boot_all(cluster);
    require_converged(cluster);
    u64 epoch = cluster.node(0).members().epoch();
    cluster.node(2).membership().set_load(2500);
    cluster.run_for(500);
    REQUIRE(cluster.node(0).features_of(NodeId(3))->load_milli == 2500);
    REQUIRE(cluster.node(1).features_of(NodeId(3))->load_milli == 2500);
    REQUIRE(cluster.node(0).members().epoch() == epoch);
}

TEST_CASE("numbers are assigned lowest-free when a node asks for none", "[cluster][sim]")
{
    SimCluster cluster(3, 4);
    cluster.set_fixed_numbers(false);
    boot_all(cluster);
    require_converged(cluster);
    std::vector<bool> seen(5, false);
    for (usize i = 0; i < 4; ++i) {
        u16 n = cluster.node(i).membership().self().value();
        REQUIRE(n >= 1);
        REQUIRE(n <= 4);
        REQUIRE(!seen[n]);
        seen[n] = true;
    }
}

TEST_CASE("joiners that boot in the same tick (one incarnation) are admitted together", "[cluster][sim]")
{
    // The simulator derives incarnations from the boot time, so these twelve
    // share one; unnumbered, they all send as node 0. Their replay windows are
    // kept per joiner address, so no join request is taken for a replay of
    // another's, and all join in the first round instead of one per retry.
    SimCluster cluster(11, 12);
    cluster.set_fixed_numbers(false);
    boot_all(cluster);
    require_converged(cluster, 3000);
    REQUIRE(cluster.node(0).members().size() == 12);
}

TEST_CASE("a preferred number is granted when free and replaced by a free one when held", "[cluster][sim]")
{
    SimCluster cluster(9, 4);
    cluster.set_fixed_numbers(false);
    cluster.set_preferred_number(1, NodeId(7));  // free: granted
    cluster.set_preferred_number(2, NodeId(1));  // the founder's: refused, then any
    cluster.set_preferred_number(3, NodeId(7));  // wanted by index 1 as well
    boot_all(cluster);
    require_converged(cluster);
    std::vector<u16> numbers;
    for (usize i = 0; i < 4; ++i)
        numbers.push_back(cluster.node(i).membership().self().value());
    REQUIRE(numbers[0] == 1);
    REQUIRE(numbers[2] != 1);
    // Exactly one of the two asking for 7 holds it; all four are distinct.
    REQUIRE(int(numbers[1] == 7) + int(numbers[3] == 7) == 1);
    std::sort(numbers.begin(), numbers.end());
    REQUIRE(std::unique(numbers.begin(), numbers.end()) == numbers.end());
}

TEST_CASE("a crashed node is suspected, then declared dead and removed", "[cluster][sim]")
{
    SimCluster cluster(4, 3);
    boot_all(cluster);
    require_converged(cluster);
    cluster.crash(2);
    cluster.run_for(cluster.timing().suspect_ms + 2 * cluster.timing().tick_ms);
    REQUIRE(cluster.node(0).membership().health_of(NodeId(3)) == MemberHealth::Suspect);
    REQUIRE(cluster.node(0).members().contains(NodeId(3)));
    require_converged(cluster);
    REQUIRE(!cluster.node(0).members().contains(NodeId(3)));
    REQUIRE(!cluster.node(1).members().contains(NodeId(3)));
}

TEST_CASE("the next lowest node takes over when the coordinator dies", "[cluster][sim]")
{
    SimCluster cluster(5, 4);
    boot_all(cluster);
    require_converged(cluster);
    cluster.crash(0);
    require_converged(cluster);
    REQUIRE(cluster.node(1).members().coordinator() == NodeId(2));
    REQUIRE(cluster.node(1).membership().is_acting_coordinator());
    REQUIRE(cluster.node(3).members().size() == 3);
    // The new coordinator admits newcomers: node 1 boots again and rejoins.
    cluster.boot(0);
    require_converged(cluster);
    REQUIRE(cluster.node(0).membership().self() == NodeId(1));
    REQUIRE(cluster.node(2).members().coordinator() == NodeId(1));
}

TEST_CASE("a rebooted node rejoins under its number with a new incarnation", "[cluster][sim]")
{
    SimCluster cluster(6, 3);
    cluster.set_fixed_numbers(false);
    boot_all(cluster);
    require_converged(cluster);
    NodeId number = cluster.node(2).membership().self();
    Incarnation old = cluster.node(2).membership().incarnation();
    cluster.crash(2);
    cluster.run_for(50); // back before anyone noticed it was gone
    cluster.boot(2);
    require_converged(cluster);
    REQUIRE(cluster.node(2).membership().self() == number);
    auto const* entry = cluster.node(0).members().find(number);
    REQUIRE(entry);
    REQUIRE(entry->incarnation > old);
}

TEST_CASE("a clean leave removes the node without waiting for the timeout", "[cluster][sim]")
{
    SimCluster cluster(7, 3);
    boot_all(cluster);
    require_converged(cluster);
    cluster.node(2).leave(cluster.now());
    cluster.run_for(cluster.timing().heartbeat_ms * 2);
    REQUIRE(!cluster.node(0).members().contains(NodeId(3)));
    REQUIRE(!cluster.node(1).members().contains(NodeId(3)));
    REQUIRE(cluster.node(2).membership().state() == MembershipState::Left);
}

TEST_CASE("a number held by a live node is refused to a different node", "[cluster][sim]")
{
    SimCluster cluster(8, 4);
    cluster.set_requested_number(3, NodeId(2)); // index 3 claims node2, held by index 1
    for (usize i = 0; i < 3; ++i)
        cluster.boot(i);
    require_converged(cluster);
    cluster.boot(3);
    cluster.run_for(3000);
    REQUIRE(cluster.node(3).membership().state() != MembershipState::Member);
    REQUIRE(cluster.node(0).members().size() == 3);
    REQUIRE(cluster.node(0).members().find(NodeId(2))->address == NetAddress { 0x0a000002, 7400 });
    REQUIRE(cluster.node(0).membership().counters().joins_refused > 0);
    REQUIRE(cluster.violations().empty());
}

TEST_CASE("a node with the wrong key is refused and never becomes a member", "[cluster][sim]")
{
    SimCluster cluster(9, 4);
    cluster.set_key(3, "not the cluster key");
    cluster.set_may_found(3); // it founds its own "sim" and beacons it
    boot_all(cluster);
    cluster.run_for(5000);
    REQUIRE(cluster.node(0).members().size() == 3);
    for (usize i = 0; i < 3; ++i)
        REQUIRE(!cluster.node(i).members().find_by_address({ 0x0a000004, 7400 }));
    REQUIRE(cluster.node(0).counters().unauthenticated > 0); // its beacons
    // The stranger only ever has its own one-node cluster.
    REQUIRE(cluster.node(3).members().size() == 1);
    REQUIRE(cluster.node(3).counters().unauthenticated > 0);
}

TEST_CASE("partition: the minority stops changing the view and reports itself; healing rejoins it", "[cluster][sim][partition]")
{
    SimCluster cluster(10, 5);
    boot_all(cluster);
    require_converged(cluster);
    u64 epoch = cluster.node(3).members().epoch();
    cluster.partition({ 0, 0, 0, 1, 1 });
    cluster.run_for(3000);
    for (usize i : { 3, 4 }) {
        REQUIRE(cluster.node(i).membership().state() == MembershipState::Partitioned);
        REQUIRE(cluster.node(i).members().epoch() == epoch); // minority changed nothing
        REQUIRE(cluster.node(i).members().size() == 5);
    }
    for (usize i : { 0, 1, 2 }) {
        REQUIRE(cluster.node(i).membership().state() == MembershipState::Member);
        REQUIRE(cluster.node(i).members().size() == 3);
    }
    cluster.heal();
    require_converged(cluster);
    REQUIRE(cluster.node(4).members().size() == 5);
    REQUIRE(cluster.node(4).membership().self() == NodeId(5));
}

TEST_CASE("partition: an even split is won by the side with the lowest node", "[cluster][sim][partition]")
{
    SimCluster cluster(11, 4);
    boot_all(cluster);
    require_converged(cluster);
    cluster.partition({ 0, 1, 1, 0 }); // {node1, node4} | {node2, node3}
    cluster.run_for(3000);
    INFO(cluster.recent_logs());
    REQUIRE(cluster.node(0).membership().state() == MembershipState::Member);
    REQUIRE(cluster.node(3).membership().state() == MembershipState::Member);
    REQUIRE(cluster.node(0).members().size() == 2);
    REQUIRE(cluster.node(1).membership().state() == MembershipState::Partitioned);
    REQUIRE(cluster.node(2).membership().state() == MembershipState::Partitioned);
    cluster.heal();
    require_converged(cluster);
}

TEST_CASE("a joiner in the minority side is not admitted there", "[cluster][sim][partition]")
{
    SimCluster cluster(12, 4);
    for (usize i = 0; i < 3; ++i)
        cluster.boot(i);
    require_converged(cluster);
    cluster.partition({ 0, 0, 1, 1 }); // node3 alone with the newcomer: minority of {1,2,3}
    cluster.run_for(2000);
    cluster.boot(3);
    cluster.run_for(2000);
    REQUIRE(cluster.node(3).membership().state() != MembershipState::Member);
    REQUIRE(cluster.node(2).membership().state() == MembershipState::Partitioned);
    cluster.heal();
    require_converged(cluster);
    REQUIRE(cluster.node(0).members().size() == 4);
}

namespace {

// Captures what a node sends, so a test can forge, replay or inject it.
class RecordingTransport final : public ClusterTransport {
public:
    void broadcast(u8 const* bytes, usize size) override { sent.emplace_back(bytes, bytes + size); }
    void send_datagram(NetAddress, u8 const* bytes, usize size) override { sent.emplace_back(bytes, bytes + size); }
    void send_stream(NodeId, u8 const* bytes, usize size) override { sent.emplace_back(bytes, bytes + size); }
    void connect(NodeId, NetAddress) override { }
    void disconnect(NodeId) override { }
    std::vector<std::vector<u8>> sent;
};

class CountingEvents final : public ClusterEvents {
public:
    void on_view_changed(MembershipView const&, NodeId) override { ++views; }
    void on_log(LogLevel level, char const*) override { warnings += level == LogLevel::Warn; }
    int views { 0 };
    int warnings { 0 };
};

MembershipConfig founder_config()
{
    MembershipConfig config;
    REQUIRE(!config.set_cluster_name("lab"_sv).is_error());
    config.requested_node = NodeId(1);
    config.address = { 1, 7400 };
    config.may_found = true;
    config.discovery_ms = 100;
    return config;
}

} // namespace

TEST_CASE("a forged join request changes nothing and is counted and logged", "[cluster][sim]")
{
    FakeAuthenticator authenticator;
    RecordingTransport transport;
    CountingEvents events;
    ClusterNode coordinator(founder_config(), 10, make_test_key("right"), authenticator, transport, events);
    coordinator.start(0);
    coordinator.on_tick(200);
    REQUIRE(coordinator.membership().state() == MembershipState::Member);
    int views = events.views;

    // A stranger seals a join request with its own key.
    RecordingTransport stranger_transport;
    MessageSealer stranger_sealer(authenticator, make_test_key("wrong"));
    ClusterOutbox stranger(stranger_sealer, stranger_transport, 99);
    ClusterMessage join(ClusterMessageType::JoinRequest);
    join.cluster_name = "lab"_sv;
    join.address = { 2, 7400 };
    stranger.send_datagram({ 1, 7400 }, NodeId(), 0, join);
    REQUIRE(stranger_transport.sent.size() == 1);
    auto const bytes = stranger_transport.sent[0];
    coordinator.on_datagram({ 2, 7400 }, bytes.data(), bytes.size(), 300);
    REQUIRE(coordinator.counters().unauthenticated == 1);
    REQUIRE(events.warnings >= 1);
    REQUIRE(coordinator.members().size() == 1);
    REQUIRE(events.views == views);
}

TEST_CASE("a replayed datagram is rejected and counted", "[cluster][sim]")
{
    FakeAuthenticator authenticator;
    RecordingTransport transport;
    CountingEvents events;
    ClusterNode coordinator(founder_config(), 10, make_test_key("k"), authenticator, transport, events);
    coordinator.start(0);
    coordinator.on_tick(200);

    // A genuine joiner's request, delivered twice.
    RecordingTransport joiner_transport;
    MessageSealer sealer(authenticator, make_test_key("k"));
    ClusterOutbox joiner(sealer, joiner_transport, 50);
    ClusterMessage join(ClusterMessageType::JoinRequest);
    join.cluster_name = "lab"_sv;
    join.address = { 2, 7400 };
    joiner.send_datagram({ 1, 7400 }, NodeId(), 0, join);
    auto const bytes = joiner_transport.sent[0];
    coordinator.on_datagram({ 2, 7400 }, bytes.data(), bytes.size(), 300);
    REQUIRE(coordinator.members().size() == 2);
    u64 epoch = coordinator.members().epoch();
    coordinator.on_datagram({ 2, 7400 }, bytes.data(), bytes.size(), 310);
    REQUIRE(coordinator.counters().replayed == 1);
    REQUIRE(coordinator.members().epoch() == epoch);

    // RPC types are refused on the datagram channel, membership on streams.
    ClusterMessage request(ClusterMessageType::RpcRequest);
    joiner.send_datagram({ 1, 7400 }, NodeId(1), 10, request);
    coordinator.on_datagram({ 2, 7400 }, joiner_transport.sent[1].data(), joiner_transport.sent[1].size(), 320);
    REQUIRE(coordinator.counters().wrong_channel == 1);
    coordinator.on_stream_message(NodeId(2), bytes.data(), bytes.size(), 330);
    REQUIRE(coordinator.counters().wrong_channel == 2);
}
