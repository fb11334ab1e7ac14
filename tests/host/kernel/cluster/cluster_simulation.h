// SimCluster: N ClusterNode instances on a simulated network and clock, driven
// by one seeded RNG, so every run of a seed is identical. The network loses,
// duplicates, delays and so reorders datagrams; streams are reliable and
// ordered (like TCP) but stop at partitions and crashes; nodes crash and boot
// again with a new incarnation. Property checks (unique numbers per epoch,
// convergence) live here so every test shares them. Host-test code: std is fine.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "kernel/cluster/cluster_node.h"
#include "kernel/cluster/frame_stream_decoder.h"
#include "kernel/cluster/rpc_test_services.h"
#include "tests/host/kernel/cluster/fake_authenticator.h"

class SimRng {
public:
    explicit SimRng(u64 seed)
        : m_state(seed ^ 0x9e3779b97f4a7c15ull)
    {
    }
    u64 next()
    {
        u64 z = (m_state += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    // Uniform in [low, high].
    u64 between(u64 low, u64 high) { return low + next() % (high - low + 1); }
    bool chance(double probability) { return double(next() % 1000000) < probability * 1000000.0; }

private:
    u64 m_state;
};

struct SimFaults {
    double loss { 0 };
    double duplicate { 0 };
    u32 min_delay_ms { 1 };
    u32 max_delay_ms { 5 };
};

struct SimTiming {
    u32 tick_ms { 10 };
    u32 heartbeat_ms { 100 };
    u32 suspect_ms { 300 };
    u32 dead_ms { 1000 };
    u32 beacon_ms { 200 };
    u32 join_retry_ms { 200 };
    u32 discovery_ms { 600 };
};

class SimCluster {
public:
    SimCluster(u64 seed, usize node_count, SimTiming timing = {});
    ~SimCluster();

    // Requested numbers: node index i asks for i+1 when true, else for none (the
    // founder, index 0, always asks for 1).
    void set_fixed_numbers(bool fixed) { m_fixed_numbers = fixed; }
    void set_faults(SimFaults faults) { m_faults = faults; }
    void set_key(usize index, char const* key);
    void set_requested_number(usize index, NodeId number) { m_requested[index] = number; }
    // A preference only (MembershipConfig::preferred_node), for a node asking for none.
    void set_preferred_number(usize index, NodeId number) { m_preferred[index] = number; }
    // Lets another node than index 0 found a cluster when it hears no beacon.
    void set_may_found(usize index) { m_founders.push_back(index); }

    // Starts a fresh instance (a new incarnation) of node index; index 0 may found.
    void boot(usize index);
    void crash(usize index);
    bool is_up(usize index) const;
    // group[i] for each node; different groups cannot reach each other.
    void partition(std::vector<int> groups);
    void heal();
    bool is_partitioned() const { return m_partitioned; }

    void step();
    void run_for(u64 ms);
    // Runs until converged() or timeout; returns whether it converged.
    bool run_until_converged(u64 timeout_ms);

    u64 now() const { return m_now; }
    SimRng& rng() { return m_rng; }
    usize size() const { return m_slots.size(); }
    ClusterNode& node(usize index);
    SimTiming const& timing() const { return m_timing; }
    // Node index holding number (up and member), or -1.
    int index_of(NodeId number) const;

    // Every up node is a member, all hold the same view, and it lists exactly
    // the up nodes (by address and incarnation). why says what is missing.
    bool converged(std::string* why = nullptr) const;
    // A crash that leaves a strict majority of the newest view up (so the
    // survivors keep a quorum).
    bool crash_keeps_quorum(usize index) const;
    // The newest view no longer has a quorum of its members up (same boot):
    // by the partition policy nobody may change it, so no convergence is owed.
    // Then every up node holding that view must report itself partitioned;
    // policy_held says whether they do.
    bool quorum_lost(bool* policy_held = nullptr) const;
    // Violations of "one view stamp, one view": every node that installs the
    // view of a (generation, epoch, creator, creator boot) must see the same
    // members, so no number is held by two nodes in one view anywhere.
    std::vector<std::string> const& violations() const { return m_violations; }
    // Recent log lines of every node, for a failure report.
    std::string recent_logs() const;
    // Each node's state, number, incarnation and view, one line per node.
    std::string describe() const;

private:
    struct Slot;
    struct Packet;
    class Transport;
    class Events;

    void send(usize from, int to, bool stream, u8 const* bytes, usize size);
    void enqueue_datagram(usize from, usize to, u8 const* bytes, usize size);
    void deliver(Packet const& packet);
    bool can_reach(usize a, usize b) const;
    void record_view(usize index, MembershipView const& view);
    void log_line(usize index, char const* text);

    SimRng m_rng;
    SimTiming m_timing;
    SimFaults m_faults;
    FakeAuthenticator m_authenticator;
    std::vector<std::unique_ptr<Slot>> m_slots;
    std::vector<Packet> m_queue; // a heap ordered by (time, serial)
    std::vector<int> m_groups;
    // (generation, epoch, creator, creator incarnation) -> members as (node, ipv4, incarnation)
    std::map<std::tuple<u64, u64, u16, u64>, std::vector<std::tuple<u16, u32, u64>>> m_views_seen;
    std::vector<std::string> m_violations;
    std::vector<std::string> m_log;
    u64 m_now { 0 };
    u64 m_serial { 0 };
    bool m_partitioned { false };
    bool m_fixed_numbers { true };
    std::map<usize, NodeId> m_requested;
    std::map<usize, NodeId> m_preferred;
    std::vector<usize> m_founders { 0 };
};

// Seeds for property tests: UNUM_SIM_SEED=<n> replays exactly one seed.
std::vector<u64> simulation_seeds(u64 count, u64 base);
