// MembershipView: ordering, number assignment, feature queries, quorum policy.
#include <catch2/catch.hpp>

#include <cstring>
#include <set>

#include "kernel/cluster/membership_view.h"

namespace {

MembershipView view_of(std::initializer_list<u16> numbers)
{
    MembershipView view;
    view.set_epoch(1);
    for (u16 n : numbers) {
        MemberInfo member;
        member.node = NodeId(n);
        member.incarnation = n;
        REQUIRE(!view.add_or_replace(member).is_error());
    }
    return view;
}

} // namespace

TEST_CASE("members stay sorted and unique; the coordinator is the lowest", "[cluster][view]")
{
    auto view = view_of({ 5, 2, 9 });
    REQUIRE(view.size() == 3);
    REQUIRE(view.members()[0].node == NodeId(2));
    REQUIRE(view.members()[2].node == NodeId(9));
    REQUIRE(view.coordinator() == NodeId(2));
    MemberInfo again;
    again.node = NodeId(5);
    again.incarnation = 50;
    REQUIRE(!view.add_or_replace(again).is_error());
    REQUIRE(view.size() == 3);
    REQUIRE(view.find(NodeId(5))->incarnation == 50);
    REQUIRE(view.add_or_replace(MemberInfo {}).error() == Error::InvalidArgument);
    REQUIRE(view.remove(NodeId(2)));
    REQUIRE(!view.remove(NodeId(2)));
    REQUIRE(view.coordinator() == NodeId(5));
}

TEST_CASE("the lowest free number fills holes first", "[cluster][view]")
{
    REQUIRE(view_of({}).lowest_free_number() == NodeId(1));
    REQUIRE(view_of({ 1, 2, 4 }).lowest_free_number() == NodeId(3));
    REQUIRE(view_of({ 2 }).lowest_free_number() == NodeId(1));
    REQUIRE(view_of({ 1, 2, 3 }).lowest_free_number() == NodeId(4));
}

TEST_CASE("feature queries see CPU features by name and tags", "[cluster][view]")
{
    MembershipView view = view_of({ 1, 2 });
    auto* features = &view.find(NodeId(2))->features;
    features->add_cpu_feature_names("fpu sse2 avx2 no_such_feature"_sv);
    REQUIRE(!features->set_tags("disk, gpu"_sv).is_error());
    REQUIRE(view.has_feature(NodeId(2), "avx2"_sv));
    REQUIRE(view.has_feature(NodeId(2), "gpu"_sv));
    REQUIRE(view.has_feature(NodeId(2), "disk"_sv));
    REQUIRE(!view.has_feature(NodeId(2), "avx512f"_sv));
    REQUIRE(!view.has_feature(NodeId(1), "avx2"_sv));
    REQUIRE(!view.has_feature(NodeId(3), "fpu"_sv));
    char text[64];
    REQUIRE(features->format_cpu_features(text, sizeof(text)) == strlen("fpu sse2 avx2"));
    REQUIRE(StringView(text) == "fpu sse2 avx2"_sv);
    char tiny[6];
    REQUIRE(features->format_cpu_features(tiny, sizeof(tiny)) == strlen("fpu sse2 avx2"));
    REQUIRE(strlen(tiny) == 5);
    char too_long[200];
    memset(too_long, 'x', sizeof(too_long));
    REQUIRE(features->set_tags(StringView(too_long, 128)).error() == Error::InvalidArgument);
}

TEST_CASE("quorum: a strict majority, or half including the lowest node", "[cluster][view][partition]")
{
    auto reach = [](std::set<u16> nodes) { return [nodes](NodeId node) { return nodes.count(node.value()) > 0; }; };
    auto five = view_of({ 1, 2, 3, 4, 5 });
    REQUIRE(five.has_quorum(reach({ 1, 2, 3 })));
    REQUIRE(five.has_quorum(reach({ 3, 4, 5 })));
    REQUIRE(!five.has_quorum(reach({ 1, 2 })));
    REQUIRE(!five.has_quorum(reach({ 4, 5, 9, 10 }))); // outsiders don't count
    auto four = view_of({ 1, 2, 3, 4 });
    REQUIRE(four.has_quorum(reach({ 1, 4 })));
    REQUIRE(!four.has_quorum(reach({ 2, 3 })));
    auto two = view_of({ 1, 2 });
    REQUIRE(two.has_quorum(reach({ 1 })));
    REQUIRE(!two.has_quorum(reach({ 2 })));
    REQUIRE(view_of({ 7 }).has_quorum(reach({ 7 })));
}
