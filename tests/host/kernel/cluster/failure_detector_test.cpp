// FailureDetector: the silence timeline alive -> suspect -> dead, leave, forget.
#include <catch2/catch.hpp>

#include "kernel/cluster/failure_detector.h"

TEST_CASE("silence turns a member suspect, then dead; hearing it resets the clock", "[cluster][detector]")
{
    FailureDetector detector(300, 1000);
    NodeId node(4);
    REQUIRE(detector.health(node, 0) == MemberHealth::Dead); // never watched
    REQUIRE(!detector.watch(node, 100).is_error());
    REQUIRE(detector.health(node, 400) == MemberHealth::Alive);
    REQUIRE(detector.health(node, 401) == MemberHealth::Suspect);
    detector.heard(node, 450);
    REQUIRE(detector.health(node, 700) == MemberHealth::Alive);
    REQUIRE(detector.health(node, 1450) == MemberHealth::Suspect);
    REQUIRE(detector.health(node, 1451) == MemberHealth::Dead);
    // Watching again keeps the record (a second view listing it changes nothing).
    REQUIRE(!detector.watch(node, 2000).is_error());
    REQUIRE(detector.health(node, 2000) == MemberHealth::Dead);
    detector.forget(node);
    REQUIRE(!detector.is_watched(node));
}

TEST_CASE("a member that left is dead at once and stays dead", "[cluster][detector]")
{
    FailureDetector detector(300, 1000);
    NodeId node(2);
    REQUIRE(!detector.watch(node, 0).is_error());
    detector.mark_dead(node);
    REQUIRE(detector.health(node, 1) == MemberHealth::Dead);
    detector.heard(node, 2);
    REQUIRE(detector.health(node, 3) == MemberHealth::Dead);
    REQUIRE(StringView(member_health_name(MemberHealth::Suspect)) == "suspect"_sv);
}
