// Pipe: end-of-file, EPIPE, non-blocking behaviour, and blocking readers and
// writers in real threads (the host scheduler support).
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "fs/pipe/pipe.h"
#include "fs/vfs/fd_table.h"
#include "tests/host/fs/fs_test_support.h"

namespace {

Pipe::Ends make_pipe(u32 flags = 0)
{
    auto ends = Pipe::create_pair(flags);
    REQUIRE(!ends.is_error());
    return ends.release_value();
}

u8 const* bytes(char const* text) { return reinterpret_cast<u8 const*>(text); }

// What a thread's read or write returned (Result itself is not assignable).
struct Outcome {
    Error error { Error::Canceled };
    usize value { 0 };
    void set(Result<usize> result)
    {
        error = result.is_error() ? result.error() : Error::None;
        value = result.is_error() ? 0 : result.value();
    }
};

} // namespace

TEST_CASE("pipe: data flows in order; EOF once the writers are gone", "[pipe]")
{
    sched_test_init();
    auto ends = make_pipe();
    REQUIRE(ends.write_end->write(bytes("hello "), 6).value() == 6);
    REQUIRE(ends.write_end->write(bytes("world"), 5).value() == 5);
    u8 buffer[32];
    REQUIRE(ends.read_end->read(buffer, 8).value() == 8);
    REQUIRE(std::string(reinterpret_cast<char*>(buffer), 8) == "hello wo");
    REQUIRE(ends.read_end->poll() == PollEvent::Readable);
    REQUIRE(ends.read_end->read(buffer, sizeof(buffer)).value() == 3);
    REQUIRE(ends.read_end->seek(0, SeekWhence::Set).error() == Error::IllegalSeek);
    REQUIRE(ends.write_end->read(buffer, 1).error() == Error::BadFd);
    REQUIRE(ends.read_end->write(buffer, 1).error() == Error::BadFd);
    REQUIRE(ends.read_end->stat().value().mode == (FileMode::Fifo | 0600));

    ends.write_end = make_pipe().write_end; // drop the only writer of the first pipe
    REQUIRE(ends.read_end->read(buffer, sizeof(buffer)).value() == 0);
    REQUIRE((ends.read_end->poll() & PollEvent::HangUp) != 0);
}

TEST_CASE("pipe: writing with no reader is EPIPE", "[pipe]")
{
    sched_test_init();
    auto ends = make_pipe();
    ends.read_end = make_pipe().read_end;
    REQUIRE(ends.write_end->write(bytes("x"), 1).error() == Error::BrokenPipe);
    REQUIRE((ends.write_end->poll() & PollEvent::Error) != 0);
}

TEST_CASE("pipe: O_NONBLOCK gives EAGAIN instead of blocking", "[pipe]")
{
    sched_test_init();
    auto ends = make_pipe(OpenFlag::NonBlock);
    u8 buffer[16];
    REQUIRE(ends.read_end->read(buffer, sizeof(buffer)).error() == Error::TryAgain);

    std::vector<u8> big(Pipe::CAPACITY + 100, 'b');
    REQUIRE(ends.write_end->write(big.data(), big.size()).value() == Pipe::CAPACITY); // partial
    REQUIRE(ends.write_end->write(big.data(), 1).error() == Error::TryAgain);
    REQUIRE(ends.write_end->poll() == 0);
    // Free 100 bytes: a 200-byte (atomic) write still does not fit, a large one partly does.
    REQUIRE(ends.read_end->read(big.data(), 100).value() == 100);
    REQUIRE(ends.write_end->write(big.data(), 200).error() == Error::TryAgain);
    REQUIRE(ends.write_end->write(big.data(), 1000).value() == 100);
}

TEST_CASE("pipe: a reader blocks until a writer writes", "[pipe][threads]")
{
    sched_test_init();
    auto ends = make_pipe();
    std::string received;
    Outcome result;
    // Higher priority: it runs at once and blocks on the empty pipe.
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[16];
        result.set(ends.read_end->read(buffer, sizeof(buffer)));
        received.assign(reinterpret_cast<char*>(buffer), result.value);
    });
    REQUIRE(reader->state() == ThreadState::Blocked);
    REQUIRE(ends.write_end->write(bytes("ping"), 4).value() == 4);
    REQUIRE(!reader->join().is_error());
    REQUIRE(result.value == 4);
    REQUIRE(received == "ping");
}

TEST_CASE("pipe: a blocked reader sees EOF when the last writer closes", "[pipe][threads]")
{
    sched_test_init();
    auto ends = make_pipe();
    auto table = FdTable::create().release_value();
    int write_fd = table->allocate(ends.write_end).value();
    auto child = table->clone().release_value(); // a "fork": two fds name the write end
    ends.write_end = make_pipe().write_end;

    Outcome result;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[4];
        result.set(ends.read_end->read(buffer, sizeof(buffer)));
    });
    REQUIRE(reader->state() == ThreadState::Blocked);
    REQUIRE(!table->close(write_fd).is_error());
    REQUIRE(reader->state() == ThreadState::Blocked); // the child still holds a writer
    REQUIRE(!child->close(write_fd).is_error());
    REQUIRE(!reader->join().is_error());
    REQUIRE(result.error == Error::None);
    REQUIRE(result.value == 0);
}

TEST_CASE("pipe: a writer blocks while full and resumes as a reader drains", "[pipe][threads]")
{
    sched_test_init();
    auto ends = make_pipe();
    constexpr usize TOTAL = 3 * Pipe::CAPACITY + 777;
    std::vector<u8> source(TOTAL);
    for (usize i = 0; i < TOTAL; ++i)
        source[i] = static_cast<u8>(i % 251);
    Outcome written;
    auto writer = spawn("writer", sched::PRIORITY_HIGH, [&] {
        written.set(ends.write_end->write(source.data(), source.size()));
        ends.write_end = make_pipe().write_end; // close: the reader then sees EOF
    });
    REQUIRE(writer->state() == ThreadState::Blocked); // filled the pipe and waits
    REQUIRE(ends.read_end->stat().value().size == Pipe::CAPACITY);

    std::vector<u8> sink;
    u8 buffer[1000];
    for (;;) {
        auto got = ends.read_end->read(buffer, sizeof(buffer));
        REQUIRE(!got.is_error());
        if (got.value() == 0)
            break;
        sink.insert(sink.end(), buffer, buffer + got.value());
    }
    REQUIRE(!writer->join().is_error());
    REQUIRE(written.error == Error::None);
    REQUIRE(written.value == TOTAL);
    REQUIRE(sink == source);
}

TEST_CASE("pipe: a blocked writer gets EPIPE when the reader goes", "[pipe][threads]")
{
    sched_test_init();
    auto ends = make_pipe();
    std::vector<u8> fill(Pipe::CAPACITY, 'f');
    REQUIRE(ends.write_end->write(fill.data(), fill.size()).value() == Pipe::CAPACITY);
    Outcome result;
    auto writer = spawn("writer", sched::PRIORITY_HIGH, [&] { result.set(ends.write_end->write(fill.data(), 10)); });
    REQUIRE(writer->state() == ThreadState::Blocked);
    ends.read_end = make_pipe().read_end;
    REQUIRE(!writer->join().is_error());
    REQUIRE(result.error == Error::BrokenPipe);
}

TEST_CASE("pipe: small writes from two writers are never interleaved", "[pipe][threads]")
{
    sched_test_init();
    auto ends = make_pipe();
    constexpr usize CHUNK = Pipe::ATOMIC_WRITE_MAX;
    constexpr int WRITES = 80; // each writer alone overfills the pipe
    auto writer_of = [&](u8 letter) {
        return [&, letter] {
            std::vector<u8> chunk(CHUNK, letter);
            for (int i = 0; i < WRITES; ++i)
                REQUIRE(ends.write_end->write(chunk.data(), chunk.size()).value() == CHUNK);
        };
    };
    auto a = spawn("writer-a", sched::PRIORITY_HIGH, writer_of('a'));
    auto b = spawn("writer-b", sched::PRIORITY_HIGH, writer_of('b'));
    std::vector<u8> sink;
    u8 buffer[700]; // not a multiple of CHUNK on purpose
    while (sink.size() < 2 * WRITES * CHUNK) {
        auto got = ends.read_end->read(buffer, sizeof(buffer));
        REQUIRE(!got.is_error());
        sink.insert(sink.end(), buffer, buffer + got.value());
    }
    REQUIRE(!a->join().is_error());
    REQUIRE(!b->join().is_error());
    for (usize at = 0; at < sink.size(); at += CHUNK) {
        for (usize i = 1; i < CHUNK; ++i)
            REQUIRE(sink[at + i] == sink[at]);
    }
}
