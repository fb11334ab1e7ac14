// Socket over a fake backend: the BSD state machine, blocking and non-blocking
// calls, timeouts, EINTR, shutdown, options and readiness.
#include <catch2/catch.hpp>

#include <string>

#include "fs/vfs/open_file_description.h"
#include "net/socket/socket.h"
#include "tests/host/kernel/sched/sched_test_support.h"
#include "tests/host/net/socket/fake_socket_backend.h"

namespace {

NonnullRefPtr<Socket> make_socket(FakeSocketState& state, int type = UNUM_SOCK_STREAM)
{
    SocketKind kind = socket_kind_from(UNUM_AF_INET, type, 0).value();
    return Socket::create(kind, OwnPtr<SocketBackend>(new FakeSocketBackend(state))).release_value();
}

u8 const* bytes(char const* text) { return reinterpret_cast<u8 const*>(text); }

bool g_interrupt = false;
bool interrupt_check() { return g_interrupt; }

constexpr SocketAddress LOCAL_7000 { 0x7f000001, 7000 };

} // namespace

TEST_CASE("socket: socket() arguments are validated", "[socket]")
{
    REQUIRE(socket_kind_from(UNUM_AF_INET, UNUM_SOCK_STREAM, 0).value().protocol == UNUM_IPPROTO_TCP);
    REQUIRE(socket_kind_from(UNUM_AF_INET, UNUM_SOCK_DGRAM, UNUM_IPPROTO_UDP).value().type == SocketType::Datagram);
    auto raw = socket_kind_from(UNUM_AF_INET, UNUM_SOCK_RAW | UNUM_SOCK_NONBLOCK | UNUM_SOCK_CLOEXEC, UNUM_IPPROTO_ICMP);
    REQUIRE(raw.value().nonblocking);
    REQUIRE(raw.value().close_on_exec);
    REQUIRE(socket_kind_from(UNUM_AF_UNSPEC, UNUM_SOCK_STREAM, 0).error() == Error::AddressFamilyNotSupported);
    REQUIRE(socket_kind_from(UNUM_AF_INET, 9, 0).error() == Error::InvalidArgument);
    REQUIRE(socket_kind_from(UNUM_AF_INET, UNUM_SOCK_STREAM | 0x100, 0).error() == Error::InvalidArgument);
    REQUIRE(socket_kind_from(UNUM_AF_INET, UNUM_SOCK_STREAM, UNUM_IPPROTO_UDP).error() == Error::ProtocolNotSupported);
    REQUIRE(socket_kind_from(UNUM_AF_INET, UNUM_SOCK_RAW, 0).error() == Error::ProtocolNotSupported);
}

TEST_CASE("socket: a stream must be connected to send or receive", "[socket]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    u8 buffer[8];
    REQUIRE(socket->send_to(bytes("x"), 1, nullptr, false).error() == Error::NotConnected);
    REQUIRE(socket->receive_from(buffer, sizeof(buffer), nullptr, false, false).error() == Error::NotConnected);
    REQUIRE(socket->peer_address().error() == Error::NotConnected);
    REQUIRE(socket->shutdown(UNUM_SHUT_WR).error() == Error::NotConnected);
    REQUIRE(socket->stat().value().mode == (FileMode::Socket | 0777));
    REQUIRE(socket->kind() == VnodeKind::Socket);
}

TEST_CASE("socket: connect, send, receive, end of stream", "[socket]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    REQUIRE(!socket->connect(LOCAL_7000, false).is_error());
    REQUIRE(socket->connect(LOCAL_7000, false).error() == Error::AlreadyConnected);
    REQUIRE(socket->listen(1).error() == Error::InvalidArgument);
    REQUIRE(socket->send_to(bytes("hello"), 5, nullptr, false).value() == 5);
    REQUIRE(state.sent == "hello");
    state.deliver("world");
    u8 buffer[3];
    REQUIRE(socket->receive_from(buffer, 3, nullptr, true, false).value() == 3); // peek
    REQUIRE(socket->receive_from(buffer, 3, nullptr, false, false).value() == 3);
    REQUIRE(std::string(reinterpret_cast<char*>(buffer), 3) == "wor");
    REQUIRE(socket->receive_from(buffer, 3, nullptr, false, false).value() == 2);
    REQUIRE(socket->receive_from(buffer, 3, nullptr, false, true).error() == Error::TryAgain);
    state.end_of_stream = true;
    REQUIRE(socket->receive_from(buffer, 3, nullptr, false, false).value() == 0);
    REQUIRE(socket->peer_address().value().port == 4242);
}

TEST_CASE("socket: a stream send is whole unless non-blocking", "[socket][threads]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    REQUIRE(!socket->connect(LOCAL_7000, false).is_error());
    state.send_space = 3;
    REQUIRE(socket->send_to(bytes("abcdef"), 6, nullptr, true).value() == 3); // partial
    REQUIRE(socket->send_to(bytes("def"), 3, nullptr, true).error() == Error::TryAgain);
    usize sent = 0;
    auto writer = spawn("writer", sched::PRIORITY_HIGH, [&] { sent = socket->send_to(bytes("def"), 3, nullptr, false).value(); });
    state.send_space = 2;
    readiness::changed();
    sched::sleep_ms(5);
    state.send_space = 10;
    readiness::changed();
    REQUIRE(!writer->join().is_error());
    REQUIRE(sent == 3);
    REQUIRE(state.sent == "abcdef");
}

TEST_CASE("socket: shutdown ends reading and forbids writing", "[socket]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    REQUIRE(!socket->connect(LOCAL_7000, false).is_error());
    REQUIRE(socket->shutdown(7).error() == Error::InvalidArgument);
    REQUIRE(!socket->shutdown(UNUM_SHUT_WR).is_error());
    REQUIRE(state.shut_write);
    REQUIRE(!state.shut_read);
    REQUIRE(socket->send_to(bytes("x"), 1, nullptr, false).error() == Error::BrokenPipe);
    REQUIRE(!socket->shutdown(UNUM_SHUT_RD).is_error());
    u8 buffer[4];
    REQUIRE(socket->receive_from(buffer, 4, nullptr, false, false).value() == 0);
    auto file = OpenFileDescription::create(socket, OpenFlag::ReadWrite).release_value();
    REQUIRE((file->poll() & PollEvent::Readable) != 0);
    REQUIRE((file->poll() & PollEvent::Writable) == 0);
}

TEST_CASE("socket: listen and accept; accept blocks until a connection", "[socket][threads]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    u8 buffer[1];
    REQUIRE(socket->accept(true, nullptr).error() == Error::InvalidArgument);
    REQUIRE(!socket->bind(LOCAL_7000).is_error());
    REQUIRE(!socket->listen(0).is_error());
    REQUIRE(socket->accept(true, nullptr).error() == Error::TryAgain);
    REQUIRE(socket->receive_from(buffer, 1, nullptr, false, true).error() == Error::NotConnected);
    REQUIRE(socket->bind(LOCAL_7000).error() == Error::InvalidArgument);
    bool accepted = false;
    SocketAddress peer;
    auto acceptor = spawn("acceptor", sched::PRIORITY_HIGH, [&] {
        auto connection = socket->accept(false, &peer);
        accepted = !connection.is_error() && connection.value()->peer_address().value().port == 4242;
    });
    state.connections_waiting = 1;
    readiness::changed();
    REQUIRE(!acceptor->join().is_error());
    REQUIRE(accepted);
    REQUIRE(peer.port == 4242);
}

TEST_CASE("socket: datagrams need a destination or a connected peer", "[socket]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state, UNUM_SOCK_DGRAM);
    REQUIRE(socket->listen(1).error() == Error::OperationNotSupported);
    REQUIRE(socket->send_to(bytes("x"), 1, nullptr, false).error() == Error::DestinationRequired);
    REQUIRE(socket->send_to(bytes("x"), 1, &LOCAL_7000, false).value() == 1);
    REQUIRE(state.last_destination == LOCAL_7000);
    REQUIRE(socket->peer_address().error() == Error::NotConnected);
    REQUIRE(!socket->connect(LOCAL_7000, false).is_error());
    REQUIRE(socket->send_to(bytes("yz"), 2, nullptr, false).value() == 2);
    state.deliver("datagram");
    u8 buffer[16];
    SocketAddress from;
    REQUIRE(socket->receive_from(buffer, sizeof(buffer), &from, false, false).value() == 8);
    REQUIRE(from.port == 4242);
    REQUIRE(socket->get_option(SocketOption::Type).value() == UNUM_SOCK_DGRAM);
    REQUIRE(socket->set_option(SocketOption::NoDelay, 1).error() == Error::NoProtocolOption);
}

TEST_CASE("socket: a non-blocking connect completes later; SO_ERROR reports failure", "[socket]")
{
    sched_test_init();
    FakeSocketState state;
    state.connect_in_progress = true;
    auto socket = make_socket(state);
    REQUIRE(socket->connect(LOCAL_7000, true).error() == Error::InProgress);
    REQUIRE(socket->connect(LOCAL_7000, true).error() == Error::AlreadyInProgress);
    auto file = OpenFileDescription::create(socket, OpenFlag::ReadWrite).release_value();
    REQUIRE(file->poll() == 0);
    state.connect_in_progress = false;
    REQUIRE((file->poll() & PollEvent::Writable) != 0);
    REQUIRE(socket->get_option(SocketOption::Error).value() == 0);

    FakeSocketState refused;
    refused.connect_in_progress = true;
    auto other = make_socket(refused);
    REQUIRE(other->connect(LOCAL_7000, true).error() == Error::InProgress);
    refused.connect_in_progress = false;
    refused.connect_result = Error::ConnectionRefused;
    auto other_file = OpenFileDescription::create(other, OpenFlag::ReadWrite).release_value();
    REQUIRE((other_file->poll() & PollEvent::Error) != 0);
    REQUIRE(other->get_option(SocketOption::Error).value() == to_errno(Error::ConnectionRefused));
    REQUIRE(other->get_option(SocketOption::Error).value() == 0); // cleared by reading
}

TEST_CASE("socket: the receive timeout gives EAGAIN; a signal gives EINTR", "[socket][threads]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    REQUIRE(!socket->connect(LOCAL_7000, false).is_error());
    REQUIRE(!socket->set_option(SocketOption::ReceiveTimeout, 20).is_error());
    REQUIRE(socket->get_option(SocketOption::ReceiveTimeout).value() == 20);
    u8 buffer[4];
    REQUIRE(socket->receive_from(buffer, 4, nullptr, false, false).error() == Error::TryAgain);

    REQUIRE(!socket->set_option(SocketOption::ReceiveTimeout, 0).is_error());
    sched::set_interruption_check(interrupt_check);
    g_interrupt = false;
    Error error = Error::None;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        auto result = socket->receive_from(buffer, 4, nullptr, false, false);
        error = result.is_error() ? result.error() : Error::None;
    });
    g_interrupt = true;
    REQUIRE(!reader->join().is_error());
    sched::set_interruption_check(nullptr);
    g_interrupt = false;
    REQUIRE(error == Error::Interrupted);
}

TEST_CASE("socket: read and write through an open file description", "[socket]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    REQUIRE(!socket->connect(LOCAL_7000, false).is_error());
    auto file = OpenFileDescription::create(socket, OpenFlag::ReadWrite | OpenFlag::NonBlock).release_value();
    REQUIRE(file->write(bytes("abc"), 3).value() == 3);
    u8 buffer[4];
    REQUIRE(file->read(buffer, 4).error() == Error::TryAgain);
    state.deliver("xy");
    REQUIRE(file->poll() == (PollEvent::Readable | PollEvent::Writable));
    REQUIRE(file->read(buffer, 4).value() == 2);
    REQUIRE(file->seek(0, SeekWhence::Set).error() == Error::IllegalSeek);
}

TEST_CASE("socket: a datagram longer than the buffer is cut, and says so", "[socket]")
{
    sched_test_init();
    FakeSocketState state;
    state.datagrams = true;
    auto socket = make_socket(state, UNUM_SOCK_DGRAM);
    state.deliver("longer datagram");
    state.deliver("ok");
    u8 buffer[6];
    bool truncated = false;
    REQUIRE(socket->receive_from(buffer, sizeof(buffer), nullptr, true, true, &truncated).value() == 6); // peek
    REQUIRE(truncated);
    REQUIRE(socket->receive_from(buffer, sizeof(buffer), nullptr, false, true, &truncated).value() == 6);
    REQUIRE(truncated);
    REQUIRE(socket->receive_from(buffer, sizeof(buffer), nullptr, false, true, &truncated).value() == 2);
    REQUIRE(!truncated);
    REQUIRE(std::string(reinterpret_cast<char*>(buffer), 2) == "ok");
}

namespace {

i64 linger(bool on, u32 seconds) { return linger_option_value(Linger { on, seconds }); }

// The last close of socket: its only open file description goes.
void close_socket(NonnullRefPtr<Socket> const& socket)
{
    auto file = OpenFileDescription::create(socket, OpenFlag::ReadWrite).release_value();
    (void)file;
}

} // namespace

TEST_CASE("socket: SO_LINGER with 0 seconds resets the connection at the last close", "[socket]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    REQUIRE(!socket->connect(LOCAL_7000, false).is_error());
    REQUIRE(linger_from_option_value(socket->get_option(SocketOption::Linger).value()).on == false);
    close_socket(socket);
    REQUIRE(!state.aborted); // no linger: a graceful close
    REQUIRE(!socket->set_option(SocketOption::Linger, linger(true, 0)).is_error());
    REQUIRE(socket->get_option(SocketOption::Linger).value() == linger(true, 0));
    close_socket(socket);
    REQUIRE(state.aborted);

    FakeSocketState datagram_state;
    auto datagram = make_socket(datagram_state, UNUM_SOCK_DGRAM);
    REQUIRE(!datagram->set_option(SocketOption::Linger, linger(true, 0)).is_error());
    close_socket(datagram);
    REQUIRE(!datagram_state.aborted);
}

TEST_CASE("socket: SO_LINGER waits for the peer's acknowledgement, up to its time", "[socket][threads]")
{
    sched_test_init();
    FakeSocketState state;
    auto socket = make_socket(state);
    REQUIRE(!socket->connect(LOCAL_7000, false).is_error());
    REQUIRE(!socket->set_option(SocketOption::Linger, linger(true, 1)).is_error());
    state.unacknowledged = true;
    bool closed = false;
    auto closer = spawn("closer", sched::PRIORITY_HIGH, [&] {
        close_socket(socket);
        closed = true;
    });
    sched::sleep_ms(5);
    REQUIRE(!closed); // still lingering
    state.unacknowledged = false;
    readiness::changed();
    REQUIRE(!closer->join().is_error());
    REQUIRE(closed);
    REQUIRE(!state.aborted);

    // Never acknowledged: the close returns when the time is up (1 s).
    state.unacknowledged = true;
    u64 start = sched::ticks();
    close_socket(socket);
    REQUIRE(sched::ticks() - start >= TEST_TICK_HZ);
    REQUIRE(!state.aborted);
}
