// PIDs name their origin node, the table finds and forgets processes, and VPROC
// applies kill(2)'s permission rules and waitpid(2)'s reaping.
#include <catch2/catch.hpp>
#include <string>

#include "kernel/abi/unum_types.h"
#include "kernel/proc/node_identity.h"
#include "kernel/proc/process.h"
#include "kernel/proc/process_table.h"
#include "kernel/sched/sched_test_support.h" // tests/host/kernel/sched
#include "kernel/vproc/vproc.h"

TEST_CASE("PIDs encode the node that created them")
{
    CHECK(pid_origin_node(make_pid(3, 17)) == 3);
    CHECK(make_pid(1, 1) == 100001);
    CHECK(pid_origin_node(0) == 0);
    set_local_node(7);
    auto pid = process_table::allocate_pid();
    REQUIRE(!pid.is_error());
    CHECK(pid_origin_node(pid.value()) == 7);
    set_local_node(1);
}

TEST_CASE("processes are registered, found and removed")
{
    sched_test_init();
    auto created = Process::create("alpha", 0, Credentials::user(1000, 1000));
    REQUIRE(!created.is_error());
    Pid pid = created.value()->pid();
    CHECK(process_table::find(pid).ptr() == created.value().ptr());
    CHECK(std::string(created.value()->name()) == "alpha");
    CHECK(created.value()->process_group() == pid);
    process_table::remove(pid);
    CHECK(process_table::find(pid).is_null());
}

TEST_CASE("kill checks permission and existence")
{
    sched_test_init();
    auto target = Process::create("target", 0, Credentials::root());
    REQUIRE(!target.is_error());
    Pid pid = target.value()->pid();
    CHECK(vproc::send_signal(pid, signals::SIGTERM, Credentials::user(1000, 1000)).error()
        == Error::PermissionDenied);
    CHECK(!vproc::send_signal(pid, 0, Credentials::root()).is_error());
    CHECK(!vproc::send_signal(pid, signals::SIGTERM, Credentials::root()).is_error());
    CHECK(target.value()->signals().is_pending(signals::SIGTERM));
    CHECK(vproc::send_signal(pid + 99999, signals::SIGTERM, Credentials::root()).error() == Error::NoSuchProcess);
    process_table::remove(pid);
}

TEST_CASE("waitpid reaps a zombie child and reports ECHILD afterwards")
{
    sched_test_init();
    auto parent = Process::create("parent", 0, Credentials::root());
    REQUIRE(!parent.is_error());
    auto child = Process::create("child", parent.value()->pid(), Credentials::root());
    REQUIRE(!child.is_error());
    Pid child_pid = child.value()->pid();

    auto none = vproc::wait_for_child(*parent.value(), -1, UNUM_WNOHANG);
    REQUIRE(!none.is_error());
    CHECK(none.value().pid == 0);

    child.value()->set_wait_status(UNUM_W_EXITED(3));
    child.value()->set_state(ProcessState::Zombie);
    auto reaped = vproc::wait_for_child(*parent.value(), -1, 0);
    REQUIRE(!reaped.is_error());
    CHECK(reaped.value().pid == child_pid);
    CHECK(reaped.value().wait_status == UNUM_W_EXITED(3));
    CHECK(process_table::find(child_pid).is_null());
    CHECK(vproc::wait_for_child(*parent.value(), -1, 0).error() == Error::NoChild);
    process_table::remove(parent.value()->pid());
}
