// The cluster wire format: every message type round-trips through seal/open,
// and malformed, truncated, extended, forged and foreign-key envelopes are
// rejected with the right error.
#include <catch2/catch.hpp>

#include <cstring>
#include <vector>

#include "kernel/cluster/cluster_message.h"
#include "kernel/cluster/message_sealer.h"
#include "tests/host/kernel/cluster/fake_authenticator.h"

namespace {

FakeAuthenticator g_authenticator;

MembershipView sample_view()
{
    MembershipView view;
    view.set_epoch(42);
    view.set_creator(NodeId(3), 1003);
    for (u16 n : { 1, 3, 7 }) {
        MemberInfo member;
        member.node = NodeId(n);
        member.incarnation = 1000 + n;
        member.address = { 0x0a000000u + n, 7400 };
        member.features.cpu_count = n;
        member.features.memory_mib = 512u * n;
        member.features.load_milli = 250;
        member.features.add_cpu_feature(CpuFeature::Sse2);
        if (n == 3)
            member.features.add_cpu_feature(CpuFeature::Avx2);
        REQUIRE(!member.features.set_tags(n == 7 ? "disk,gpu"_sv : ""_sv).is_error());
        REQUIRE(!view.add_or_replace(member).is_error());
    }
    return view;
}

std::vector<u8> seal(ClusterMessage const& message, ClusterKey const& key = make_test_key("k"))
{
    MessageSealer sealer(g_authenticator, key);
    ClusterMessageHeader header;
    header.sender = NodeId(3);
    header.destination = NodeId(1);
    header.sender_incarnation = 77;
    header.destination_incarnation = 88;
    header.sequence = 5;
    auto sealed = sealer.seal(header, message);
    REQUIRE(!sealed.is_error());
    return std::vector<u8>(sealed.value().begin(), sealed.value().end());
}

Result<OpenedMessage> open(std::vector<u8> const& bytes, ClusterKey const& key = make_test_key("k"))
{
    MessageSealer sealer(g_authenticator, key);
    return sealer.open(bytes.data(), bytes.size());
}

} // namespace

TEST_CASE("the header keeps every field and the tag covers it", "[cluster][codec]")
{
    ClusterMessage leave(ClusterMessageType::Leave);
    auto bytes = seal(leave);
    REQUIRE(bytes.size() == CLUSTER_ENVELOPE_OVERHEAD);
    auto opened = open(bytes);
    REQUIRE(!opened.is_error());
    auto const& header = opened.value().header;
    REQUIRE(header.type == ClusterMessageType::Leave);
    REQUIRE(header.sender == NodeId(3));
    REQUIRE(header.destination == NodeId(1));
    REQUIRE(header.sender_incarnation == 77);
    REQUIRE(header.destination_incarnation == 88);
    REQUIRE(header.sequence == 5);
    REQUIRE(bytes[0] == 'U');
    REQUIRE(bytes[4] == ClusterMessageHeader::VERSION);
}

TEST_CASE("beacon, join request and heartbeat round-trip", "[cluster][codec]")
{
    ClusterMessage beacon(ClusterMessageType::Beacon);
    beacon.cluster_name = "lab"_sv;
    beacon.node = NodeId(2);
    beacon.address = { 0x0a000002, 7400 };
    beacon.stamp = { 9, NodeId(2), 5 };
    auto b_bytes = seal(beacon);
    auto b = open(b_bytes);
    REQUIRE(!b.is_error());
    REQUIRE(b.value().message.cluster_name == "lab"_sv);
    REQUIRE(b.value().message.node == NodeId(2));
    REQUIRE(b.value().message.address == NetAddress { 0x0a000002, 7400 });
    REQUIRE(b.value().message.stamp == ViewStamp { 9, NodeId(2), 5 });

    ClusterMessage join(ClusterMessageType::JoinRequest);
    join.cluster_name = "lab"_sv;
    join.node = NodeId(); // assign me one
    join.address = { 0x0a000005, 7400 };
    join.features.cpu_count = 4;
    join.features.memory_mib = 2048;
    join.features.add_cpu_feature(CpuFeature::Avx2);
    join.features.add_cpu_feature(CpuFeature::Fpu);
    REQUIRE(!join.features.set_tags("disk"_sv).is_error());
    auto j_bytes = seal(join);
    auto j = open(j_bytes);
    REQUIRE(!j.is_error());
    auto const& features = j.value().message.features;
    REQUIRE(j.value().message.node.is_none());
    REQUIRE(features.same_as(join.features));
    REQUIRE(features.has("avx2"_sv));
    REQUIRE(features.has("fpu"_sv));
    REQUIRE(features.has("disk"_sv));
    REQUIRE(!features.has("sse2"_sv));

    ClusterMessage heartbeat(ClusterMessageType::Heartbeat);
    heartbeat.stamp = { 12, NodeId(1), 3 };
    heartbeat.load_milli = 1500;
    heartbeat.partitioned = true;
    auto h_bytes = seal(heartbeat);
    auto h = open(h_bytes);
    REQUIRE(!h.is_error());
    REQUIRE(h.value().message.stamp.epoch == 12);
    REQUIRE(h.value().message.load_milli == 1500);
    REQUIRE(h.value().message.partitioned);
}

TEST_CASE("views round-trip inside join accept and view update", "[cluster][codec]")
{
    ClusterMessage accept(ClusterMessageType::JoinAccept);
    accept.node = NodeId(7);
    accept.view = sample_view();
    auto a_bytes = seal(accept);
    auto a = open(a_bytes);
    REQUIRE(!a.is_error());
    auto const& view = a.value().message.view;
    REQUIRE(a.value().message.node == NodeId(7));
    REQUIRE(view.same_membership(accept.view));
    REQUIRE(view.coordinator() == NodeId(1));
    REQUIRE(view.has_feature(NodeId(3), "avx2"_sv));
    REQUIRE(!view.has_feature(NodeId(1), "avx2"_sv));
    REQUIRE(view.has_feature(NodeId(7), "gpu"_sv));
    REQUIRE(view.features_of(NodeId(7))->memory_mib == 3584);

    ClusterMessage update(ClusterMessageType::ViewUpdate);
    update.view = sample_view();
    auto u_bytes = seal(update);
    auto u = open(u_bytes);
    REQUIRE(!u.is_error());
    REQUIRE(u.value().message.view.same_membership(update.view));

    // An accept naming a node that is not in its view is malformed.
    accept.node = NodeId(2);
    accept.view = sample_view();
    REQUIRE(open(seal(accept)).error() == Error::BadMessage);
}

TEST_CASE("rpc messages round-trip with payloads and errors", "[cluster][codec]")
{
    std::vector<u8> payload(CLUSTER_MAX_RPC_PAYLOAD);
    for (usize i = 0; i < payload.size(); ++i)
        payload[i] = u8(i * 13);
    ClusterMessage request(ClusterMessageType::RpcRequest);
    request.call_id = 0x1122334455667788ull;
    request.service = 2;
    request.method = 9;
    request.payload = payload.data();
    request.payload_size = payload.size();
    auto bytes = seal(request);
    auto r = open(bytes);
    REQUIRE(!r.is_error());
    REQUIRE(r.value().message.call_id == request.call_id);
    REQUIRE(r.value().message.service == 2);
    REQUIRE(r.value().message.method == 9);
    REQUIRE(r.value().message.payload_size == payload.size());
    REQUIRE(memcmp(r.value().message.payload, payload.data(), payload.size()) == 0);

    request.payload_size = CLUSTER_MAX_RPC_PAYLOAD + 1;
    std::vector<u8> big(CLUSTER_MAX_RPC_PAYLOAD + 1);
    request.payload = big.data();
    MessageSealer sealer(g_authenticator, make_test_key("k"));
    REQUIRE(sealer.seal({}, request).error() == Error::MessageTooLong);

    ClusterMessage error(ClusterMessageType::RpcError);
    error.call_id = 3;
    error.error = Error::HostDown;
    auto e_bytes = seal(error);
    auto e = open(e_bytes);
    REQUIRE(!e.is_error());
    REQUIRE(e.value().message.error == Error::HostDown);
}

TEST_CASE("every truncation and any trailing byte is rejected", "[cluster][codec]")
{
    ClusterMessage update(ClusterMessageType::ViewUpdate);
    update.view = sample_view();
    auto bytes = seal(update);
    for (usize size = 0; size < bytes.size(); ++size) {
        std::vector<u8> cut(bytes.begin(), bytes.begin() + long(size));
        REQUIRE(open(cut).is_error());
    }
    auto longer = bytes;
    longer.push_back(0);
    REQUIRE(open(longer).is_error());
}

TEST_CASE("forged, corrupted and foreign-key messages fail authentication", "[cluster][codec]")
{
    ClusterMessage heartbeat(ClusterMessageType::Heartbeat);
    heartbeat.stamp = { 3, NodeId(1), 1 };
    auto bytes = seal(heartbeat);
    REQUIRE(open(bytes, make_test_key("other key")).error() == Error::AccessDenied);
    // Flip each bit past the structural fields the header decoder checks first.
    for (usize i = 0; i < bytes.size(); ++i) {
        auto forged = bytes;
        forged[i] ^= 0x01;
        auto result = open(forged);
        REQUIRE(result.is_error());
    }
    // A sender node changed in the header (a forgery) fails the tag.
    auto forged = bytes;
    forged[8] = 2;
    REQUIRE(open(forged).error() == Error::AccessDenied);
}

TEST_CASE("the header decoder rejects wrong magic, version, flags, types and zero sequence", "[cluster][codec]")
{
    ClusterMessageHeader header;
    header.type = ClusterMessageType::Leave;
    header.sequence = 1;
    u8 bytes[ClusterMessageHeader::SIZE];
    header.encode(bytes);
    REQUIRE(!ClusterMessageHeader::decode(bytes, sizeof(bytes)).is_error());
    auto with = [&](usize offset, u8 value) {
        u8 copy[sizeof(bytes)];
        memcpy(copy, bytes, sizeof(bytes));
        copy[offset] = value;
        return ClusterMessageHeader::decode(copy, sizeof(copy)).error();
    };
    REQUIRE(with(0, 'X') == Error::BadMessage);
    REQUIRE(with(4, 2) == Error::Protocol);
    REQUIRE(with(5, 0) == Error::BadMessage);
    REQUIRE(with(5, 11) == Error::BadMessage);
    REQUIRE(with(6, 1) == Error::BadMessage);
    REQUIRE(with(9, 0x10) == Error::BadMessage); // sender 4096
    REQUIRE(with(32, 0) == Error::BadMessage);   // sequence 0
    REQUIRE(ClusterMessageHeader::decode(bytes, sizeof(bytes) - 1).error() == Error::BadMessage);
}

TEST_CASE("view decoding rejects unsorted, duplicate and out-of-range members", "[cluster][codec]")
{
    auto encode_members = [](std::vector<u16> numbers) {
        Vector<u8> bytes;
        WireWriter writer(bytes);
        writer.put_u64(1); // epoch
        writer.put_u16(1); // creator
        writer.put_u64(1); // creator incarnation
        writer.put_u64(1); // generation
        writer.put_u16(u16(numbers.size()));
        for (u16 n : numbers) {
            writer.put_u16(n);
            writer.put_u64(1);
            writer.put_u32(0);
            writer.put_u16(0);
            writer.put_u16(0);
            writer.put_u32(0);
            writer.put_u32(0);
            writer.put_string16(""_sv);
            writer.put_string16(""_sv);
        }
        writer.put_u16(0);
        REQUIRE(!writer.finish().is_error());
        return decode_cluster_body(ClusterMessageType::ViewUpdate, bytes.data(), bytes.size()).error();
    };
    REQUIRE(encode_members({ 1, 2, 4095 }) == Error::None);
    REQUIRE(encode_members({ 2, 1 }) == Error::BadMessage);
    REQUIRE(encode_members({ 2, 2 }) == Error::BadMessage);
    REQUIRE(encode_members({ 0 }) == Error::BadMessage);
    REQUIRE(encode_members({ 4096 }) == Error::BadMessage);
}

TEST_CASE("node numbers parse and print as node<N>", "[cluster][identity]")
{
    REQUIRE(NodeId::parse("3"_sv).value() == NodeId(3));
    REQUIRE(NodeId::parse("node4095"_sv).value() == NodeId(4095));
    REQUIRE(NodeId::parse("node0"_sv).is_error());
    REQUIRE(NodeId::parse("4096"_sv).is_error());
    REQUIRE(NodeId::parse("nodex"_sv).is_error());
    char name[12];
    REQUIRE(NodeId(4095).format_name(name, sizeof(name)) == 8);
    REQUIRE(strcmp(name, "node4095") == 0);
}
