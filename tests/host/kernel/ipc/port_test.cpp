// Port semantics on the host: FIFO send/receive, full and empty queues with and
// without timeouts, request/reply, late replies, and close.
#include <catch2/catch.hpp>

#include <vector>

#include "kernel/ipc/port.h"
#include "tests/host/kernel/sched/sched_test_support.h"

static NonnullRefPtr<Port> make_port(usize capacity)
{
    auto port = Port::create("test", capacity);
    REQUIRE(!port.is_error());
    return port.release_value();
}

TEST_CASE("port delivers messages in order and stamps the sender", "[port]")
{
    sched_test_init();
    auto port = make_port(4);
    for (u32 i = 0; i < 3; ++i)
        REQUIRE(!port->send(Message(i)).is_error());
    REQUIRE(port->queued() == 3);
    for (u32 i = 0; i < 3; ++i) {
        auto m = port->receive(0);
        REQUIRE(!m.is_error());
        REQUIRE(m.value().type() == i);
        REQUIRE(m.value().sender().thread_id == sched::current().id());
        REQUIRE(m.value().reply_token() == 0);
    }
    REQUIRE(port->receive(0).error() == Error::TryAgain);
}

TEST_CASE("a full port refuses, then times out, then accepts after a receive", "[port]")
{
    sched_test_init();
    auto port = make_port(2);
    REQUIRE(!port->send(Message(1)).is_error());
    REQUIRE(!port->send(Message(2)).is_error());
    REQUIRE(port->send(Message(3)).error() == Error::TryAgain);
    u64 start = sched::ticks();
    REQUIRE(port->send(Message(3), 4).error() == Error::TimedOut);
    REQUIRE(sched::ticks() - start >= 4);

    // A blocked sender proceeds when a receiver makes room.
    Result<void> sent = Error::Canceled;
    auto sender = spawn("sender", sched::PRIORITY_HIGH, [&] { sent = port->send(Message(3), WAIT_FOREVER); });
    REQUIRE(sender->state() == ThreadState::Blocked);
    REQUIRE(port->receive().value().type() == 1);
    REQUIRE(!sender->join().is_error());
    REQUIRE(!sent.is_error());
    REQUIRE(port->receive().value().type() == 2);
    REQUIRE(port->receive().value().type() == 3);
}

TEST_CASE("receive times out on an empty port and wakes on a send", "[port]")
{
    sched_test_init();
    auto port = make_port(4);
    u64 start = sched::ticks();
    REQUIRE(port->receive(5).error() == Error::TimedOut);
    REQUIRE(sched::ticks() - start >= 5);

    u32 got = 0;
    auto receiver = spawn("receiver", sched::PRIORITY_HIGH, [&] { got = port->receive().value().type(); });
    REQUIRE(receiver->state() == ThreadState::Blocked);
    REQUIRE(!port->send(Message(77)).is_error());
    REQUIRE(!receiver->join().is_error());
    REQUIRE(got == 77);
}

TEST_CASE("call gets the reply matching its token", "[port]")
{
    sched_test_init();
    auto port = make_port(8);
    auto server = spawn("server", sched::PRIORITY_NORMAL, [&] {
        // Answer two requests in reverse order of arrival.
        Message first = port->receive().release_value();
        Message second = port->receive().release_value();
        REQUIRE(first.reply_token() != 0);
        REQUIRE(first.reply_token() != second.reply_token());
        auto answer = [&](Message const& request) {
            u32 value = request.read<u32>().value();
            return port->reply(request.reply_token(), Message::create_with(request.type(), value * 10).value());
        };
        REQUIRE(!answer(second).is_error());
        REQUIRE(!answer(first).is_error());
    });
    u32 results[2] = { 0, 0 };
    auto client = spawn("client", sched::PRIORITY_NORMAL, [&] {
        auto reply = port->call(Message::create_with(1, u32(4)).value());
        results[1] = reply.is_error() ? 0 : reply.value().read<u32>().value();
    });
    auto reply = port->call(Message::create_with(1, u32(3)).value());
    REQUIRE(!reply.is_error());
    results[0] = reply.value().read<u32>().value();
    REQUIRE(!client->join().is_error());
    REQUIRE(!server->join().is_error());
    REQUIRE(results[0] == 30);
    REQUIRE(results[1] == 40);
}

TEST_CASE("an error reply comes back as the call's error", "[port]")
{
    sched_test_init();
    auto port = make_port(2);
    auto server = spawn("server", sched::PRIORITY_NORMAL, [&] {
        Message request = port->receive().release_value();
        REQUIRE(!port->reply(request.reply_token(), Message::error_reply(Error::PermissionDenied)).is_error());
    });
    REQUIRE(port->call(Message(5)).error() == Error::PermissionDenied);
    REQUIRE(!server->join().is_error());
}

TEST_CASE("a call times out and the late reply finds no caller", "[port]")
{
    sched_test_init();
    auto port = make_port(2);
    REQUIRE(port->call(Message(5), 3).error() == Error::TimedOut);
    auto request = port->receive(0);
    REQUIRE(!request.is_error());
    REQUIRE(port->reply(request.value().reply_token(), Message(6)).error() == Error::NoEntry);
}

TEST_CASE("close fails blocked and later operations with BrokenPipe", "[port]")
{
    sched_test_init();
    auto port = make_port(1);
    Error call_result = Error::Canceled;
    Result<void> send_result = Error::Canceled;
    Error receive_result = Error::Canceled;
    auto caller = spawn("caller", sched::PRIORITY_HIGH, [&] { call_result = port->call(Message(1)).error(); });
    auto sender = spawn("sender", sched::PRIORITY_HIGH, [&] { send_result = port->send(Message(2), WAIT_FOREVER); });
    REQUIRE(caller->state() == ThreadState::Blocked);
    REQUIRE(sender->state() == ThreadState::Blocked); // the caller's request fills the port
    auto other = make_port(1);
    auto receiver = spawn("receiver", sched::PRIORITY_HIGH, [&] { receive_result = other->receive().error(); });
    other->close();
    port->close();
    REQUIRE(!caller->join().is_error());
    REQUIRE(!sender->join().is_error());
    REQUIRE(!receiver->join().is_error());
    REQUIRE(call_result == Error::BrokenPipe);
    REQUIRE(send_result.error() == Error::BrokenPipe);
    REQUIRE(receive_result == Error::BrokenPipe);
    REQUIRE(port->is_closed());
    REQUIRE(port->queued() == 0);
    REQUIRE(port->send(Message(3)).error() == Error::BrokenPipe);
    REQUIRE(port->receive(0).error() == Error::BrokenPipe);
    REQUIRE(port->reply(1, Message(4)).error() == Error::BrokenPipe);
}

TEST_CASE("closing a port discards queued messages and their buffers", "[port]")
{
    sched_test_init();
    auto port = make_port(4);
    std::vector<u8> big(Message::INLINE_CAPACITY * 2, 1);
    REQUIRE(!port->send(Message::create(1, big.data(), big.size()).value()).is_error());
    REQUIRE(!port->send(Message(2)).is_error());
    port->close(); // ASan reports a leak if the buffer is not released
    REQUIRE(port->queued() == 0);
}

TEST_CASE("Port::create validates the capacity", "[port]")
{
    REQUIRE(Port::create("x", 0).error() == Error::InvalidArgument);
    REQUIRE(Port::create("x", Port::MAX_CAPACITY + 1).error() == Error::InvalidArgument);
    auto port = Port::create("a-rather-long-port-name-that-gets-cut", 1);
    REQUIRE(!port.is_error());
    REQUIRE(std::string_view(port.value()->name()).size() == Port::NAME_CAPACITY - 1);
}
