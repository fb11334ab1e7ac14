// Screen-console registry: attach, newline translation, the klog sink, and
// parsing console= selections.
#include <catch2/catch.hpp>
#include <cstring>

#include "kernel/console/console.h"
#include "kernel/console/fake_text_surface.h"
#include "kernel/log/klog.h"

TEST_CASE("console shows writes and log lines on every attached screen")
{
    console_detach_all();
    log_info("before-attach");
    FakeTextSurface a(60, 40), b(60, 40);
    auto ta = console_attach(a);
    REQUIRE_FALSE(ta.is_error());
    // The log kept so far is replayed onto the new screen.
    bool replayed = false;
    for (u32 r = 0; r < 40; ++r)
        replayed |= a.row_text(r).find("before-attach") != std::string::npos;
    CHECK(replayed);

    REQUIRE_FALSE(console_attach(b, false).is_error());
    CHECK(console_screen_count() == 2);
    FakeTextSurface c(5, 5);
    CHECK(console_attach(c).error() == Error::NoSpace);

    console_write("\x1b[2J\x1b[Hone\ntwo", 15);
    for (FakeTextSurface* s : { &a, &b }) {
        CHECK(s->row_text(0) == "one");
        CHECK(s->row_text(1) == "two"); // "\n" became CR LF
    }
    console_write_raw("\nx", 2);
    CHECK(a.row_text(2) == "   x");

    console_write("\x1b[2J\x1b[H", 7);
    log_info("on-screen %d", 42);
    CHECK(a.row_text(0).find("on-screen 42") != std::string::npos);
    CHECK(a.cursor_row == 1);
    CHECK(a.cursor_col == 0);

    console_detach_all();
    CHECK(console_screen_count() == 0);
    log_info("after-detach");
    CHECK(a.row_text(1).empty());
}

TEST_CASE("console rejects an empty surface")
{
    FakeTextSurface empty(0, 0);
    CHECK(console_attach(empty).error() == Error::InvalidArgument);
}

TEST_CASE("console= selection")
{
    auto pick = [](char const* value) { return console_parse_selection(StringView(value)); };
    auto vga = pick("vga");
    REQUIRE_FALSE(vga.is_error());
    CHECK(vga.value().screen);
    CHECK_FALSE(vga.value().serial);
    auto both = pick("ttyS0, FB");
    REQUIRE_FALSE(both.is_error());
    CHECK(both.value().serial);
    CHECK(both.value().screen);
    auto serial = pick("serial");
    REQUIRE_FALSE(serial.is_error());
    CHECK(serial.value().serial);
    CHECK_FALSE(serial.value().screen);
    CHECK(pick("").error() == Error::InvalidArgument);
    CHECK(pick("lp0").error() == Error::InvalidArgument);
    CHECK(pick("vga,").error() == Error::InvalidArgument);
}
