// TtyDevice on the host: the device-side callbacks, the ioctl table (argument
// kinds and each request's effect), poll bits, and hangup.
#include <catch2/catch.hpp>

#include <string>

#include "kernel/tty/tty_device.h"

namespace {

std::string g_output;

void capture(u8 const* bytes, usize length, void*) { g_output.append(reinterpret_cast<char const*>(bytes), length); }

std::string read_now(TtyDevice& tty)
{
    char buffer[256];
    auto result = tty.read(reinterpret_cast<u8*>(buffer), sizeof(buffer), true);
    if (result.is_error())
        return "<" + std::string(error_name(result.error())) + ">";
    return std::string(buffer, result.value());
}

} // namespace

TEST_CASE("TtyDevice::create names the device and wires its output", "[tty]")
{
    g_output.clear();
    auto created = TtyDevice::create("ttyS0-with-a-very-long-name", capture, nullptr);
    REQUIRE(!created.is_error());
    auto tty = created.release_value();
    REQUIRE(std::string(tty->name()) == "ttyS0-with-a-ve");
    TtyDevice::receive_byte('h', tty.ptr());
    u8 const rest[] = { 'i', '\r' };
    TtyDevice::receive_bytes(rest, sizeof(rest), tty.ptr());
    REQUIRE(g_output == "hi\r\n");
    REQUIRE(read_now(*tty) == "hi\n");
    REQUIRE(tty->write(reinterpret_cast<u8 const*>("ok\n"), 3).value() == 3);
    REQUIRE(g_output == "hi\r\nok\r\n");
}

TEST_CASE("ioctl_argument says how each request's argument travels", "[tty]")
{
    using Kind = TtyIoctlArgument::Kind;
    REQUIRE(TtyDevice::ioctl_argument(UNUM_TCGETS).value().kind == Kind::Out);
    REQUIRE(TtyDevice::ioctl_argument(UNUM_TCGETS).value().size == sizeof(unum_termios));
    REQUIRE(TtyDevice::ioctl_argument(UNUM_TCSETSF).value().kind == Kind::In);
    REQUIRE(TtyDevice::ioctl_argument(UNUM_TIOCSWINSZ).value().size == sizeof(unum_winsize));
    REQUIRE(TtyDevice::ioctl_argument(UNUM_TCFLSH).value().kind == Kind::Value);
    REQUIRE(TtyDevice::ioctl_argument(UNUM_TIOCGPGRP).value().kind == Kind::Out);
    REQUIRE(TtyDevice::ioctl_argument(0x1234).error() == Error::NotTty);
}

TEST_CASE("termios, window size and process group ioctls round-trip", "[tty]")
{
    TtyDevice tty("tty0", capture, nullptr);
    unum_termios t {};
    REQUIRE(tty.ioctl(UNUM_TCGETS, &t).value() == 0);
    REQUIRE((t.c_lflag & UNUM_ICANON));
    t.c_lflag &= ~(UNUM_ICANON | UNUM_ECHO);
    t.c_cc[UNUM_VMIN] = 0;
    REQUIRE(tty.ioctl(UNUM_TCSETS, &t).value() == 0);
    unum_termios back {};
    REQUIRE(tty.ioctl(UNUM_TCGETS, &back).value() == 0);
    REQUIRE(back.c_lflag == t.c_lflag);
    REQUIRE(back.c_cc[UNUM_VMIN] == 0);

    unum_winsize size { 40, 120, 0, 0 };
    REQUIRE(tty.ioctl(UNUM_TIOCSWINSZ, &size).value() == 0);
    unum_winsize got {};
    REQUIRE(tty.ioctl(UNUM_TIOCGWINSZ, &got).value() == 0);
    REQUIRE(got.ws_row == 40);
    REQUIRE(got.ws_col == 120);

    int pgid = 7;
    REQUIRE(tty.ioctl(UNUM_TIOCSPGRP, &pgid).value() == 0);
    int out = 0;
    REQUIRE(tty.ioctl(UNUM_TIOCGPGRP, &out).value() == 0);
    REQUIRE(out == 7);
    int negative = -1;
    REQUIRE(tty.ioctl(UNUM_TIOCSPGRP, &negative).error() == Error::InvalidArgument);
    REQUIRE(tty.ioctl(UNUM_TIOCGPGRP, nullptr).error() == Error::BadAddress);
    REQUIRE(tty.ioctl(0x1234, &out).error() == Error::NotTty);
    REQUIRE(tty.ioctl(UNUM_TIOCSCTTY, &out).error() == Error::NotTty); // the process layer's
}

TEST_CASE("FIONREAD counts complete lines; TCFLSH discards input", "[tty]")
{
    TtyDevice tty("tty0", capture, nullptr);
    TtyDevice::receive_bytes(reinterpret_cast<u8 const*>("abc\nde"), 6, &tty);
    int count = -1;
    REQUIRE(tty.ioctl(UNUM_FIONREAD, &count).value() == 0);
    REQUIRE(count == 4);
    REQUIRE(tty.poll() == (TtyDevice::POLL_IN | TtyDevice::POLL_OUT));
    int selector = UNUM_TCIFLUSH;
    REQUIRE(tty.ioctl(UNUM_TCFLSH, &selector).value() == 0);
    REQUIRE(tty.poll() == TtyDevice::POLL_OUT);
    REQUIRE(read_now(tty) == "<EAGAIN>");
    selector = 9;
    REQUIRE(tty.ioctl(UNUM_TCFLSH, &selector).error() == Error::InvalidArgument);
}

TEST_CASE("TCSETSF flushes pending input", "[tty]")
{
    TtyDevice tty("tty0", capture, nullptr);
    TtyDevice::receive_bytes(reinterpret_cast<u8 const*>("old\n"), 4, &tty);
    unum_termios t {};
    REQUIRE(tty.ioctl(UNUM_TCGETS, &t).value() == 0);
    REQUIRE(tty.ioctl(UNUM_TCSETSF, &t).value() == 0);
    REQUIRE(read_now(tty) == "<EAGAIN>");
}

TEST_CASE("after hangup poll reports HUP and reads return EOF", "[tty]")
{
    TtyDevice tty("ttyS0", capture, nullptr);
    tty.hangup();
    REQUIRE(tty.poll() == (TtyDevice::POLL_IN | TtyDevice::POLL_HUP));
    REQUIRE(read_now(tty) == "");
    REQUIRE(tty.write(reinterpret_cast<u8 const*>("x"), 1).error() == Error::IoError);
}

TEST_CASE("session storage for the process layer", "[tty]")
{
    TtyDevice tty("tty0", nullptr, nullptr);
    REQUIRE(tty.session() == 0);
    tty.set_session(12);
    REQUIRE(tty.session() == 12);
    TtyDevice::receive_bytes(reinterpret_cast<u8 const*>("no echo device\n"), 15, &tty);
    REQUIRE(read_now(tty) == "no echo device\n");
}
