// poll_files/poll_scan over pipes: readiness bits, invalid and ignored fds,
// timeouts, a poller woken by a write from another thread, and EINTR.
#include <catch2/catch.hpp>

#include "fs/pipe/pipe.h"
#include "fs/vfs/fd_table.h"
#include "fs/vfs/poll_files.h"
#include "fs/vfs/readiness.h"
#include "tests/host/fs/fs_test_support.h"

namespace {

struct PipeFds {
    OwnPtr<FdTable> table;
    int read_fd;
    int write_fd;
};

PipeFds make_pipe_fds()
{
    auto ends = Pipe::create_pair().release_value();
    auto table = FdTable::create().release_value();
    int read_fd = table->allocate(ends.read_end).value();
    int write_fd = table->allocate(ends.write_end).value();
    return { std::move(table), read_fd, write_fd };
}

u8 const* bytes(char const* text) { return reinterpret_cast<u8 const*>(text); }

bool g_interrupt = false;
bool interrupt_check() { return g_interrupt; }

} // namespace

TEST_CASE("poll: pipe readiness, POLLHUP, POLLNVAL and ignored fds", "[poll]")
{
    sched_test_init();
    auto fds = make_pipe_fds();
    PollEntry entries[4] = {
        { fds.read_fd, PollBits::In, 0 },
        { fds.write_fd, PollBits::Out, 0 },
        { 200, PollBits::In, 0 },
        { -1, PollBits::In, 99 },
    };
    REQUIRE(poll_scan(*fds.table, entries, 4) == 2);
    REQUIRE(entries[0].revents == 0);
    REQUIRE(entries[1].revents == PollBits::Out);
    REQUIRE(entries[2].revents == PollBits::Invalid);
    REQUIRE(entries[3].revents == 0);

    REQUIRE(fds.table->get(fds.write_fd).value()->write(bytes("x"), 1).value() == 1);
    REQUIRE(poll_scan(*fds.table, entries, 1) == 1);
    REQUIRE(entries[0].revents == PollBits::In);

    REQUIRE(!fds.table->close(fds.write_fd).is_error());
    REQUIRE(poll_scan(*fds.table, entries, 1) == 1);
    REQUIRE(entries[0].revents == (PollBits::In | PollBits::HangUp)); // data left, and no writer
}

TEST_CASE("poll: only requested events, plus errors and hang-ups, are reported", "[poll]")
{
    sched_test_init();
    auto fds = make_pipe_fds();
    PollEntry entry { fds.write_fd, PollBits::In, 0 };
    REQUIRE(poll_scan(*fds.table, &entry, 1) == 0); // writable, but not asked
    REQUIRE(!fds.table->close(fds.read_fd).is_error());
    REQUIRE(poll_scan(*fds.table, &entry, 1) == 1);
    REQUIRE(entry.revents == PollBits::Error); // no reader left
}

TEST_CASE("poll: timeout 0 returns at once, a timeout passes", "[poll][threads]")
{
    sched_test_init();
    auto fds = make_pipe_fds();
    PollEntry entry { fds.read_fd, PollBits::In, 0 };
    REQUIRE(poll_files(*fds.table, &entry, 1, 0).value() == 0);
    u64 before = sched::ticks();
    REQUIRE(poll_files(*fds.table, &entry, 1, 30).value() == 0);
    REQUIRE(sched::ticks() >= before + 30 * TEST_TICK_HZ / 1000);
}

TEST_CASE("poll: a sleeping poller wakes when another thread writes", "[poll][threads]")
{
    sched_test_init();
    auto fds = make_pipe_fds();
    usize ready = 0;
    PollEntry entry { fds.read_fd, PollBits::In, 0 };
    auto poller = spawn("poller", sched::PRIORITY_HIGH, [&] { ready = poll_files(*fds.table, &entry, 1, -1).value(); });
    REQUIRE(poller->state() != ThreadState::Dead);
    REQUIRE(fds.table->get(fds.write_fd).value()->write(bytes("go"), 2).value() == 2);
    REQUIRE(!poller->join().is_error());
    REQUIRE(ready == 1);
    REQUIRE(entry.revents == PollBits::In);
}

TEST_CASE("poll: a pending signal ends the wait with EINTR", "[poll][threads]")
{
    sched_test_init();
    auto fds = make_pipe_fds();
    sched::set_interruption_check(interrupt_check);
    g_interrupt = false;
    Error error = Error::None;
    PollEntry entry { fds.read_fd, PollBits::In, 0 };
    auto poller = spawn("poller", sched::PRIORITY_HIGH, [&] {
        auto result = poll_files(*fds.table, &entry, 1, -1);
        error = result.is_error() ? result.error() : Error::None;
    });
    g_interrupt = true;
    REQUIRE(!poller->join().is_error());
    sched::set_interruption_check(nullptr);
    g_interrupt = false;
    REQUIRE(error == Error::Interrupted);
}

TEST_CASE("readiness: the generation moves on every change", "[poll]")
{
    u64 before = readiness::generation();
    readiness::changed();
    REQUIRE(readiness::generation() == before + 1);
}
