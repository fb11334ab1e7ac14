// In-kernel self-tests of ports: ping-pong between two threads and a service
// answering calls. They need no timer interrupts, so the host runs them too.
#include "kernel/ipc/port.h"
#include "kernel/ipc/service.h"
#include "kernel/selftest/selftest.h"

namespace {

constexpr u32 PING = 1;
constexpr u32 PONG = 2;
constexpr u32 ROUNDS = 200;

struct PingPong {
    RefPtr<Port> to_pong;
    RefPtr<Port> to_ping;
    u32 bad { 0 };
};

void pong_main(void* raw)
{
    auto* shared = static_cast<PingPong*>(raw);
    for (u32 i = 0; i < ROUNDS; ++i) {
        auto ping = shared->to_pong->receive(5000);
        if (ping.is_error() || ping.value().type() != PING) {
            ++shared->bad;
            return;
        }
        auto value = ping.value().read<u32>();
        auto pong = Message::create_with(PONG, value.is_error() ? 0u : value.value() + 1);
        if (pong.is_error() || shared->to_ping->send(pong.release_value(), 5000).is_error())
            ++shared->bad;
    }
}

Result<Message> handle_double(Message const& request, void*)
{
    u32 value = TRY(request.read<u32>());
    return Message::create_with(request.type(), value * 2);
}

} // namespace

SELFTEST("port: ping-pong between two threads")
{
    PingPong shared;
    auto a = Port::create("to-pong", 4);
    auto b = Port::create("to-ping", 4);
    ST_EXPECT(!a.is_error() && !b.is_error());
    if (a.is_error() || b.is_error())
        return;
    shared.to_pong = a.release_value();
    shared.to_ping = b.release_value();
    auto pong = Thread::create("pong", pong_main, &shared, sched::PRIORITY_NORMAL);
    ST_EXPECT(!pong.is_error());
    if (pong.is_error())
        return;
    u32 good = 0;
    for (u32 i = 0; i < ROUNDS; ++i) {
        auto ping = Message::create_with(PING, i);
        if (ping.is_error() || shared.to_pong->send(ping.release_value(), 5000).is_error())
            break;
        auto reply = shared.to_ping->receive(5000);
        if (reply.is_error() || reply.value().type() != PONG)
            break;
        auto value = reply.value().read<u32>();
        if (!value.is_error() && value.value() == i + 1)
            ++good;
    }
    ST_EXPECT(good == ROUNDS);
    ST_EXPECT(!pong.value()->join(5000).is_error());
    ST_EXPECT(shared.bad == 0);
}

SELFTEST("port: a service answers calls and fails them once stopped")
{
    auto created = Service::create("doubler", 8);
    ST_EXPECT(!created.is_error());
    if (created.is_error())
        return;
    auto service = created.release_value();
    ST_EXPECT(!service->add_handler(7, handle_double, nullptr).is_error());
    ST_EXPECT(!service->start().is_error());
    auto port = service->port();
    u32 good = 0;
    for (u32 i = 0; i < ROUNDS; ++i) {
        auto request = Message::create_with(7u, i);
        if (request.is_error())
            break;
        auto reply = port->call(request.release_value(), 5000);
        if (!reply.is_error() && reply.value().read<u32>().value() == 2 * i)
            ++good;
    }
    ST_EXPECT(good == ROUNDS);
    ST_EXPECT(port->call(Message(8), 5000).error() == Error::NotSupported);
    service->stop();
    ST_EXPECT(port->call(Message(7), 5000).error() == Error::BrokenPipe);
}
