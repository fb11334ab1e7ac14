// Replay and reordering checks for stream (window 0) and datagram channels.
#include <catch2/catch.hpp>

#include "kernel/cluster/replay_table.h"
#include "kernel/cluster/replay_window.h"

using Verdict = ReplayWindow::Verdict;

TEST_CASE("a stream window accepts only increasing sequence numbers", "[cluster][replay]")
{
    ReplayWindow window(0);
    REQUIRE(window.check_and_record(1) == Verdict::Accepted);
    REQUIRE(window.check_and_record(2) == Verdict::Accepted);
    REQUIRE(window.check_and_record(5) == Verdict::Accepted); // gaps are fine (lost on a broken connection)
    REQUIRE(window.check_and_record(5) == Verdict::Replayed);
    REQUIRE(window.check_and_record(2) == Verdict::Replayed);
    REQUIRE(window.check_and_record(4) == Verdict::TooOld); // reordered
    REQUIRE(window.check_and_record(0) == Verdict::TooOld);
    REQUIRE(window.replays_rejected() == 2);
    REQUIRE(window.reorders_rejected() == 2);
}

TEST_CASE("a datagram window accepts reordering within the window, once", "[cluster][replay]")
{
    ReplayWindow window(64);
    REQUIRE(window.check_and_record(10) == Verdict::Accepted);
    REQUIRE(window.check_and_record(8) == Verdict::Accepted);
    REQUIRE(window.check_and_record(8) == Verdict::Replayed);
    REQUIRE(window.check_and_record(100) == Verdict::Accepted);
    REQUIRE(window.check_and_record(37) == Verdict::Accepted);  // 63 behind
    REQUIRE(window.check_and_record(36) == Verdict::TooOld);    // 64 behind
    REQUIRE(window.check_and_record(10) == Verdict::TooOld);
    REQUIRE(window.check_and_record(100) == Verdict::Replayed);
    REQUIRE(window.check_and_record(1000) == Verdict::Accepted); // big jump clears the history
    REQUIRE(window.check_and_record(999) == Verdict::Accepted);
}

TEST_CASE("the replay table keeps one window per sender incarnation", "[cluster][replay]")
{
    ReplayTable table(0);
    REQUIRE(table.check_and_record(NodeId(2), 5, 3).value() == Verdict::Accepted);
    REQUIRE(table.check_and_record(NodeId(2), 5, 3).value() == Verdict::Replayed);
    // A new boot starts counting again.
    REQUIRE(table.check_and_record(NodeId(2), 6, 1).value() == Verdict::Accepted);
    REQUIRE(table.check_and_record(NodeId(3), 5, 1).value() == Verdict::Accepted);
    REQUIRE(table.size() == 3);
    table.forget_older(NodeId(2), 6);
    REQUIRE(table.size() == 2);
}
