// Signal disposition rules: defaults, masks, handlers, stop/continue interplay.
#include <catch2/catch.hpp>
#include <string>

#include "kernel/proc/signal_state.h"

using namespace signals;

TEST_CASE("default actions follow POSIX")
{
    CHECK(default_action(SIGINT) == DefaultAction::Terminate);
    CHECK(default_action(SIGSEGV) == DefaultAction::CoreDump);
    CHECK(default_action(SIGCHLD) == DefaultAction::Ignore);
    CHECK(default_action(SIGTSTP) == DefaultAction::Stop);
    CHECK(default_action(SIGCONT) == DefaultAction::Continue);
    CHECK(std::string(signal_name(SIGUSR1)) == "USR1");
}

TEST_CASE("a pending signal is delivered lowest number first, blocked ones wait")
{
    SignalState s;
    s.post(SIGTERM);
    s.post(SIGINT);
    s.set_blocked(bit(SIGINT));
    Delivery d = s.take_next();
    CHECK(d.signal == SIGTERM);
    CHECK(d.disposition == Disposition::Terminate);
    CHECK(s.take_next().disposition == Disposition::None);
    s.set_blocked(0);
    CHECK(s.take_next().signal == SIGINT);
}

TEST_CASE("SIGKILL and SIGSTOP can be neither blocked nor caught")
{
    SignalState s;
    s.set_blocked(~u64(0));
    CHECK_FALSE(s.blocked() & bit(SIGKILL));
    CHECK_FALSE(s.blocked() & bit(SIGSTOP));
    CHECK_FALSE(s.set_action(SIGKILL, { 0x1000, 0, 0, 0 }));
    CHECK_FALSE(s.set_action(SIGSTOP, { HANDLER_IGNORE, 0, 0 }));
    CHECK_FALSE(s.set_action(0, {}));
    CHECK_FALSE(s.set_action(NSIG, {}));
    s.post(SIGKILL);
    CHECK(s.take_next().disposition == Disposition::Terminate);
}

TEST_CASE("a handler is reported with its mask; ignore drops the signal")
{
    SignalState s;
    REQUIRE(s.set_action(SIGUSR1, { 0x401000, bit(SIGUSR2), 0 }));
    s.post(SIGUSR1);
    Delivery d = s.take_next();
    CHECK(d.disposition == Disposition::Handle);
    CHECK(d.action.handler == 0x401000);
    CHECK(d.action.mask == bit(SIGUSR2));

    REQUIRE(s.set_action(SIGINT, { HANDLER_IGNORE, 0, 0 }));
    s.post(SIGINT);
    CHECK_FALSE(s.is_pending(SIGINT));
    s.post(SIGCHLD); // default ignore
    CHECK_FALSE(s.is_pending(SIGCHLD));
}

TEST_CASE("setting ignore discards a pending signal")
{
    SignalState s;
    s.set_blocked(bit(SIGTERM));
    s.post(SIGTERM);
    CHECK(s.is_pending(SIGTERM));
    REQUIRE(s.set_action(SIGTERM, { HANDLER_IGNORE, 0, 0 }));
    CHECK_FALSE(s.is_pending(SIGTERM));
}

TEST_CASE("SIGCONT cancels pending stops and a stop cancels a pending SIGCONT")
{
    SignalState s;
    s.set_blocked(bit(SIGTSTP) | bit(SIGCONT));
    s.post(SIGTSTP);
    s.post(SIGCONT);
    CHECK_FALSE(s.is_pending(SIGTSTP));
    CHECK(s.is_pending(SIGCONT));
    s.post(SIGSTOP);
    CHECK_FALSE(s.is_pending(SIGCONT));
}

TEST_CASE("exec resets handlers but keeps ignored signals ignored")
{
    SignalState s;
    REQUIRE(s.set_action(SIGUSR1, { 0x401000, 0, 0 }));
    REQUIRE(s.set_action(SIGHUP, { HANDLER_IGNORE, 0, 0 }));
    s.reset_for_exec();
    CHECK(s.action(SIGUSR1).handler == HANDLER_DEFAULT);
    CHECK(s.action(SIGHUP).handler == HANDLER_IGNORE);
}
