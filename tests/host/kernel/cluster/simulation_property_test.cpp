// Property tests over many seeds: random cluster sizes, numbering, network
// faults, crashes, reboots and partitions; then the network heals and every
// run must converge within a bound, with no number held twice in an epoch.
// A failing seed is printed; UNUM_SIM_SEED=<seed> reruns just that one, and
// UNUM_SIM_SEEDS=<count> runs more (the long run).
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>

#include "tests/host/kernel/cluster/cluster_simulation.h"

namespace {

struct RunResult {
    bool converged { false };
    bool quorum_lost { false };
    u64 converge_ms { 0 };
    std::string why;
};

// The whole scenario is a function of the seed.
RunResult run_chaos(u64 seed)
{
    SimRng plan(seed * 7919 + 1);
    usize count = usize(plan.between(3, 7));
    SimCluster cluster(seed, count);
    cluster.set_fixed_numbers(plan.chance(0.5));
    SimFaults faults;
    faults.loss = double(plan.between(0, 15)) / 100.0;
    faults.duplicate = double(plan.between(0, 5)) / 100.0;
    faults.max_delay_ms = u32(plan.between(2, 60));
    cluster.set_faults(faults);

    std::vector<u64> boot_at(count);
    for (usize i = 1; i < count; ++i)
        boot_at[i] = plan.between(0, 1500);
    cluster.boot(0);
    u64 chaos_end = plan.between(3000, 9000);
    u64 heal_at = 0;
    while (cluster.now() < chaos_end) {
        for (usize i = 1; i < count; ++i) {
            if (boot_at[i] && boot_at[i] <= cluster.now() && !cluster.is_up(i)) {
                cluster.boot(i);
                boot_at[i] = 0;
            }
        }
        if (cluster.now() > 1500 && cluster.now() % 250 == 0) {
            u64 action = plan.between(0, 99);
            usize victim = usize(plan.between(0, count - 1));
            if (action < 15 && cluster.is_up(victim) && cluster.crash_keeps_quorum(victim)) {
                cluster.crash(victim);
            } else if (action < 35 && !cluster.is_up(victim) && !boot_at[victim]) {
                cluster.boot(victim);
            } else if (action < 45 && !cluster.is_partitioned()) {
                std::vector<int> groups(count);
                for (auto& group : groups)
                    group = int(plan.between(0, 1));
                cluster.partition(groups);
                heal_at = cluster.now() + plan.between(300, 3000);
            }
        }
        if (cluster.is_partitioned() && cluster.now() >= heal_at)
            cluster.heal();
        cluster.step();
    }
    for (usize i = 1; i < count; ++i) {
        if (boot_at[i])
            cluster.boot(i);
    }
    cluster.heal();
    faults.loss = faults.loss > 0.05 ? 0.05 : faults.loss;
    cluster.set_faults(faults);

    RunResult result;
    u64 start = cluster.now();
    // The bound: 15 s is 150 heartbeat rounds (the slowest of 10000 seeds took 55).
    result.converged = cluster.run_until_converged(15000);
    result.converge_ms = cluster.now() - start;
    bool policy_held = false;
    if (!result.converged && cluster.quorum_lost(&policy_held) && policy_held) {
        // More than half of the last view is gone for good: the survivors must
        // (and do) sit partitioned. Crashes are chosen to make this rare.
        result.quorum_lost = true;
        result.converged = true;
    }
    if (!result.converged) {
        cluster.converged(&result.why);
        result.why += "\n" + cluster.recent_logs() + cluster.describe();
    }
    for (auto const& violation : cluster.violations()) {
        if (result.converged)
            result.why += cluster.recent_logs();
        result.converged = false;
        result.why += "\n" + violation;
    }
    return result;
}

u64 seed_count()
{
    if (char const* count = getenv("UNUM_SIM_SEEDS"))
        return strtoull(count, nullptr, 0);
    return 400;
}

} // namespace

TEST_CASE("simulation: every seed converges on one view of exactly the live nodes", "[cluster][sim][property]")
{
    u64 worst = 0;
    u64 worst_seed = 0;
    u64 runs = 0;
    u64 quorum_lost = 0;
    std::vector<u64> failed;
    std::string first_failure;
    for (u64 seed : simulation_seeds(seed_count(), 1000)) {
        RunResult result = run_chaos(seed);
        ++runs;
        quorum_lost += result.quorum_lost;
        if (!result.converged) {
            if (failed.empty())
                first_failure = result.why;
            failed.push_back(seed);
            printf("cluster simulation: seed %llu FAILED (replay: UNUM_SIM_SEED=%llu)\n", (unsigned long long)seed,
                (unsigned long long)seed);
            continue;
        }
        if (!result.quorum_lost && result.converge_ms > worst) {
            worst = result.converge_ms;
            worst_seed = seed;
        }
    }
    if (!failed.empty()) {
        std::string seeds;
        for (u64 seed : failed)
            seeds += " " + std::to_string(seed);
        // Replay one with: UNUM_SIM_SEED=<seed> unit_tests "[property]"
        FAIL(failed.size() << " simulation seed(s) failed:" << seeds << "\nfirst (seed " << failed[0]
                            << "): " << first_failure);
    }
    // Rounds are heartbeat intervals; reported, never asserted beyond the bound.
    printf("cluster simulation: %llu seeds, slowest convergence %llu ms (seed %llu), %llu lost their quorum for good\n",
        (unsigned long long)runs, (unsigned long long)worst, (unsigned long long)worst_seed,
        (unsigned long long)quorum_lost);
    // Losing the quorum is the policy working, but it must stay the exception,
    // or the runs test nothing.
    REQUIRE(quorum_lost * 20 <= runs);
}
