// RPC over the simulated cluster: null and echo round trips (64 KiB payloads
// split across stream pieces), typed errors, timeouts, and the promise that a
// call pending on a node fails with HostDown the moment the node leaves the view.
#include <catch2/catch.hpp>

#include <optional>

#include "tests/host/kernel/cluster/cluster_simulation.h"

namespace {

struct Outcome {
    std::optional<Error> error;
    std::vector<u8> payload;
    int completions { 0 };
    u64 completed_at { 0 };
};

struct Recorder {
    SimCluster* cluster;
    Outcome outcome;
};

void record(void* context, u64, Result<Vector<u8>>&& result)
{
    auto& recorder = *static_cast<Recorder*>(context);
    ++recorder.outcome.completions;
    recorder.outcome.completed_at = recorder.cluster->now();
    if (result.is_error()) {
        recorder.outcome.error = result.error();
        return;
    }
    recorder.outcome.error = Error::None;
    auto value = result.release_value();
    recorder.outcome.payload.assign(value.begin(), value.end());
}

// Keeps requests without answering: lets a test hold a call open.
void sink_rpc(void* context, RpcEndpoint&, RpcReplyToken token, u8 const*, usize)
{
    static_cast<std::vector<RpcReplyToken>*>(context)->push_back(token);
}

constexpr u16 SINK_SERVICE = 99;

void form(SimCluster& cluster)
{
    for (usize i = 0; i < cluster.size(); ++i)
        cluster.boot(i);
    REQUIRE(cluster.run_until_converged(10000));
}

void wait_for(SimCluster& cluster, Recorder const& recorder, u64 limit_ms = 5000)
{
    u64 end = cluster.now() + limit_ms;
    while (recorder.outcome.completions == 0 && cluster.now() < end)
        cluster.step();
}

} // namespace

TEST_CASE("null and echo calls round-trip, with payloads up to 64 KiB", "[cluster][rpc]")
{
    SimCluster cluster(21, 3);
    form(cluster);
    Recorder null_call { &cluster, {} };
    REQUIRE(!cluster.node(0).rpc().call(NodeId(2), u16(RpcService::Null), 0, nullptr, 0, 2000, record, &null_call).is_error());
    wait_for(cluster, null_call);
    REQUIRE(null_call.outcome.error == Error::None);
    REQUIRE(null_call.outcome.payload.empty());

    std::vector<u8> payload(CLUSTER_MAX_RPC_PAYLOAD);
    for (usize i = 0; i < payload.size(); ++i)
        payload[i] = u8(i * 31 + 7);
    Recorder echo { &cluster, {} };
    REQUIRE(!cluster.node(2).rpc().call(NodeId(1), u16(RpcService::Echo), 0, payload.data(), payload.size(), 2000, record, &echo).is_error());
    wait_for(cluster, echo);
    REQUIRE(echo.outcome.error == Error::None);
    REQUIRE(echo.outcome.payload == payload);
    REQUIRE(echo.outcome.completions == 1);
    REQUIRE(cluster.node(2).rpc().pending_calls() == 0);
}

TEST_CASE("calls fail with typed errors: unknown service, non-member, self, too big", "[cluster][rpc]")
{
    SimCluster cluster(22, 3);
    form(cluster);
    Recorder unknown { &cluster, {} };
    REQUIRE(!cluster.node(0).rpc().call(NodeId(3), 1234, 0, nullptr, 0, 2000, record, &unknown).is_error());
    wait_for(cluster, unknown);
    REQUIRE(unknown.outcome.error == Error::NotSupported);

    Recorder unused { &cluster, {} };
    REQUIRE(cluster.node(0).rpc().call(NodeId(9), u16(RpcService::Null), 0, nullptr, 0, 2000, record, &unused).error()
        == Error::HostDown);
    REQUIRE(cluster.node(0).rpc().call(NodeId(1), u16(RpcService::Null), 0, nullptr, 0, 2000, record, &unused).error()
        == Error::InvalidArgument);
    std::vector<u8> big(CLUSTER_MAX_RPC_PAYLOAD + 1);
    REQUIRE(cluster.node(0).rpc().call(NodeId(2), u16(RpcService::Echo), 0, big.data(), big.size(), 2000, record, &unused).error()
        == Error::MessageTooLong);
    REQUIRE(unused.outcome.completions == 0);
}

TEST_CASE("a call nobody answers times out", "[cluster][rpc]")
{
    SimCluster cluster(23, 3);
    form(cluster);
    std::vector<RpcReplyToken> held;
    REQUIRE(!cluster.node(1).rpc().register_handler(SINK_SERVICE, 0, sink_rpc, &held).is_error());
    REQUIRE(cluster.node(1).rpc().register_handler(SINK_SERVICE, 0, sink_rpc, &held).error() == Error::Exists);
    Recorder call { &cluster, {} };
    u64 start = cluster.now();
    REQUIRE(!cluster.node(0).rpc().call(NodeId(2), SINK_SERVICE, 0, nullptr, 0, 300, record, &call).is_error());
    wait_for(cluster, call);
    REQUIRE(call.outcome.error == Error::TimedOut);
    REQUIRE(call.outcome.completed_at >= start + 300);
    REQUIRE(held.size() == 1);
    // A late reply to a call that gave up is ignored.
    cluster.node(1).rpc().reply(held[0], nullptr, 0);
    cluster.run_for(200);
    REQUIRE(call.outcome.completions == 1);
}

TEST_CASE("calls pending on a node fail with HostDown when it leaves the view", "[cluster][rpc]")
{
    SimCluster cluster(24, 3);
    form(cluster);
    std::vector<RpcReplyToken> held;
    REQUIRE(!cluster.node(2).rpc().register_handler(SINK_SERVICE, 0, sink_rpc, &held).is_error());
    Recorder first { &cluster, {} };
    Recorder second { &cluster, {} };
    u64 long_timeout = 60000;
    REQUIRE(!cluster.node(0).rpc().call(NodeId(3), SINK_SERVICE, 0, nullptr, 0, long_timeout, record, &first).is_error());
    REQUIRE(!cluster.node(0).rpc().call(NodeId(3), SINK_SERVICE, 0, nullptr, 0, long_timeout, record, &second).is_error());
    cluster.run_for(100);
    REQUIRE(held.size() == 2);
    cluster.crash(2);
    u64 epoch = cluster.node(0).members().epoch();
    while (cluster.node(0).members().epoch() == epoch)
        cluster.step();
    // Failed in the same step the view changed: not at the timeout.
    REQUIRE(first.outcome.error == Error::HostDown);
    REQUIRE(second.outcome.error == Error::HostDown);
    REQUIRE(first.outcome.completed_at == cluster.now());
    REQUIRE(cluster.node(0).rpc().pending_calls() == 0);
}

TEST_CASE("a broken connection fails its calls with ConnectionReset", "[cluster][rpc]")
{
    SimCluster cluster(25, 3);
    form(cluster);
    std::vector<RpcReplyToken> held;
    REQUIRE(!cluster.node(1).rpc().register_handler(SINK_SERVICE, 0, sink_rpc, &held).is_error());
    Recorder call { &cluster, {} };
    REQUIRE(!cluster.node(0).rpc().call(NodeId(2), SINK_SERVICE, 0, nullptr, 0, 60000, record, &call).is_error());
    cluster.node(0).on_connection_down(NodeId(2));
    REQUIRE(call.outcome.error == Error::ConnectionReset);
}
