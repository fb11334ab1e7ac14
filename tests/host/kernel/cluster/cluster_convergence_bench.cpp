// Benchmark (hidden: tag [.bench], so `make test` skips it; `make bench` runs it
// through tools/bench.py): simulated time for N nodes booted together to form one
// cluster, on a clean simulated LAN (no loss, 1..5 ms delay) with the kernel's
// default timing (heartbeat 500 ms, beacon 1 s, join retry 1 s, founding after
// 3 s of silence). Sizes past 64 run only the staggered variant. Prints `BENCH cluster_sim_converge_<N>_ms <simulated ms> ms`
// and the same in heartbeat rounds; asserts nothing about the numbers.
//   UNUM_SIM_BENCH_SIZES=8,64  picks the sizes (default 8,64,256: host cost grows
//                              about as N^3; 512 nodes take over 5 minutes under ASan)
//   UNUM_SIM_BENCH_SEED=n      the seed (default 1)
//   UNUM_SIM_BENCH_LOG=1       also prints the last 200 log lines of each run
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "tests/host/kernel/cluster/cluster_simulation.h"

namespace {

std::vector<usize> bench_sizes()
{
    std::vector<usize> sizes { 8, 64, 256 };
    if (char const* text = getenv("UNUM_SIM_BENCH_SIZES")) {
        sizes.clear();
        std::stringstream list(text);
        std::string item;
        while (std::getline(list, item, ','))
            if (!item.empty())
                sizes.push_back(usize(std::stoul(item)));
    }
    return sizes;
}

SimTiming kernel_default_timing()
{
    MembershipConfig defaults;
    SimTiming timing;
    timing.tick_ms = 10; // the cluster thread's loop
    timing.heartbeat_ms = defaults.heartbeat_interval_ms;
    timing.suspect_ms = defaults.suspect_after_ms;
    timing.dead_ms = defaults.dead_after_ms;
    timing.beacon_ms = defaults.beacon_interval_ms;
    timing.join_retry_ms = defaults.join_retry_ms;
    timing.discovery_ms = defaults.discovery_ms;
    return timing;
}

} // namespace

TEST_CASE("bench: simulated time for N nodes to converge from a cold start", "[.bench][cluster][sim]")
{
    u64 seed = 1;
    if (char const* text = getenv("UNUM_SIM_BENCH_SEED"))
        seed = strtoull(text, nullptr, 0);
    SimTiming timing = kernel_default_timing();
    for (usize nodes : bench_sizes()) {
      // "same_tick": every node boots at t=0, so the simulator gives them one
      // incarnation number; "staggered": node i boots at tick i (10 ms apart), so
      // incarnations differ, as the real-time clock makes them on real machines.
      for (bool staggered : { true, false }) {
        // One join is admitted per join retry (1 s) in this variant and the cost
        // grows as N^3 on the host: 128 nodes take 40 s of ASan wall time.
        if (!staggered && nodes > 64)
            continue;
        char const* variant = staggered ? "" : "_same_tick";
        auto wall_start = std::chrono::steady_clock::now();
        SimCluster cluster(seed, nodes, timing);
        for (usize i = 0; i < nodes; ++i) {
            cluster.boot(i);
            if (staggered)
                cluster.step();
        }
        // Checked every tick (10 ms resolution); give up after 10 simulated minutes.
        u64 const limit_ms = 600000;
        bool done = false;
        while (cluster.now() < limit_ms) {
            cluster.step();
            if (cluster.converged()) {
                done = true;
                break;
            }
        }
        double wall_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - wall_start).count();
        if (!done) {
            std::string why;
            cluster.converged(&why);
            printf("# cluster_sim_converge_%zu%s: not converged after %llu simulated ms (%s)\n", nodes, variant,
                (unsigned long long)limit_ms, why.c_str());
            continue;
        }
        u64 ms = cluster.now();
        u64 epoch = cluster.node(0).membership().view().epoch();
        printf("BENCH cluster_sim_converge_%zu%s_ms %llu ms\n", nodes, variant, (unsigned long long)ms);
        printf("BENCH cluster_sim_converge_%zu%s_rounds %llu rounds\n", nodes, variant,
            (unsigned long long)((ms + timing.heartbeat_ms - 1) / timing.heartbeat_ms));
        printf("# cluster_sim_converge_%zu%s: seed %llu, final view epoch %llu, host wall time %.0f ms (ASan build)\n",
            nodes, variant, (unsigned long long)seed, (unsigned long long)epoch, wall_ms);
        if (getenv("UNUM_SIM_BENCH_LOG"))
            printf("%s", cluster.recent_logs().c_str());
        fflush(stdout);
        CHECK(cluster.violations().empty());
      }
    }
}
