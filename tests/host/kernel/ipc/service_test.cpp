// Service on the host: dispatch by type, replies, errors, unknown types,
// one-way messages, registration rules and stop.
#include <catch2/catch.hpp>

#include "kernel/ipc/service.h"
#include "tests/host/kernel/sched/sched_test_support.h"

namespace {

constexpr u32 ADD = 1;
constexpr u32 FAIL = 2;
constexpr u32 NOTE = 3;

struct Counters {
    u32 notes { 0 };
};

Result<Message> handle_add(Message const& request, void*)
{
    struct Operands {
        u32 a, b;
    };
    auto operands = TRY(request.read<Operands>());
    return Message::create_with(ADD, u32(operands.a + operands.b));
}

Result<Message> handle_fail(Message const&, void*) { return Error::NoSpace; }

Result<Message> handle_note(Message const&, void* context)
{
    ++static_cast<Counters*>(context)->notes;
    return Message();
}

} // namespace

TEST_CASE("service dispatches requests by type and replies", "[service]")
{
    sched_test_init();
    Counters counters;
    auto created = Service::create("adder", 8);
    REQUIRE(!created.is_error());
    OwnPtr<Service> service = created.release_value();
    REQUIRE(!service->add_handler(ADD, handle_add, nullptr).is_error());
    REQUIRE(!service->add_handler(FAIL, handle_fail, nullptr).is_error());
    REQUIRE(!service->add_handler(NOTE, handle_note, &counters).is_error());
    REQUIRE(service->add_handler(ADD, handle_add, nullptr).error() == Error::Exists);
    REQUIRE(!service->start().is_error());
    REQUIRE(service->add_handler(9, handle_add, nullptr).error() == Error::Busy);
    REQUIRE(service->start().error() == Error::Busy);

    auto port = service->port();
    struct {
        u32 a, b;
    } operands { 20, 22 };
    auto sum = port->call(Message::create_with(ADD, operands).value(), 1000);
    REQUIRE(!sum.is_error());
    REQUIRE(sum.value().read<u32>().value() == 42);
    REQUIRE(port->call(Message(ADD), 1000).error() == Error::BadMessage); // wrong payload
    REQUIRE(port->call(Message(FAIL), 1000).error() == Error::NoSpace);
    REQUIRE(port->call(Message(99), 1000).error() == Error::NotSupported);
    REQUIRE(!port->send(Message(NOTE)).is_error());
    REQUIRE(!port->send(Message(NOTE)).is_error());
    REQUIRE(!port->call(Message(NOTE), 1000).is_error());
    REQUIRE(counters.notes == 3);
    REQUIRE(service->handled() == 7);
    REQUIRE(service->unhandled() == 1);

    service->stop();
    REQUIRE(port->is_closed());
    REQUIRE(port->call(Message(ADD), 1000).error() == Error::BrokenPipe);
}

TEST_CASE("destroying a running service stops it", "[service]")
{
    sched_test_init();
    auto service = Service::create("short-lived").release_value();
    REQUIRE(!service->start(sched::PRIORITY_HIGH).is_error());
    auto port = service->port();
    service = nullptr;
    REQUIRE(port->is_closed());
}
