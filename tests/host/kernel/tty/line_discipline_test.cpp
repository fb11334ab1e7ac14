// LineDiscipline on the host: canonical editing and its echo, raw VMIN/VTIME,
// ISIG signals and flushing, CR/NL translation both ways, termios round trips,
// blocking reads woken by receive() from another thread, and hangup.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "kernel/tty/line_discipline.h"
#include "tests/host/kernel/sched/sched_test_support.h"

namespace {

struct Terminal {
    std::string output;
    std::vector<int> signals;
    LineDiscipline discipline { &Terminal::on_output, this };

    Terminal()
    {
        discipline.set_signal_handler(&Terminal::on_signal, this);
    }

    static void on_output(u8 const* bytes, usize length, void* context)
    {
        static_cast<Terminal*>(context)->output.append(reinterpret_cast<char const*>(bytes), length);
    }
    static void on_signal(int signal, void* context) { static_cast<Terminal*>(context)->signals.push_back(signal); }

    void type(std::string const& text)
    {
        discipline.receive(reinterpret_cast<u8 const*>(text.data()), text.size());
    }

    // A nonblocking read; "<EAGAIN>" when it would block.
    std::string read_now(usize length = 4096)
    {
        std::string buffer(length, '\0');
        auto result = discipline.read(reinterpret_cast<u8*>(buffer.data()), length, true);
        if (result.is_error())
            return result.error() == Error::TryAgain ? "<EAGAIN>" : "<error>";
        buffer.resize(result.value());
        return buffer;
    }

    void set_lflag(unum_tcflag_t set, unum_tcflag_t clear = 0)
    {
        unum_termios t = discipline.termios();
        t.c_lflag = (t.c_lflag | set) & ~clear;
        REQUIRE(!discipline.set_termios(t).is_error());
    }

    void set_raw(u8 vmin, u8 vtime)
    {
        unum_termios t = discipline.termios();
        t.c_lflag &= ~(UNUM_ICANON | UNUM_ECHO);
        t.c_cc[UNUM_VMIN] = vmin;
        t.c_cc[UNUM_VTIME] = vtime;
        REQUIRE(!discipline.set_termios(t).is_error());
    }
};

// What a read in another thread returned (Result itself cannot be assigned).
struct ReadOutcome {
    Error error { Error::Canceled };
    usize value { 0 };
    void set(Result<usize> result)
    {
        error = result.is_error() ? result.error() : Error::None;
        value = result.is_error() ? 0 : result.value();
    }
};

} // namespace

TEST_CASE("canonical mode delivers a line only once it is complete", "[tty]")
{
    Terminal tty;
    tty.type("hello");
    REQUIRE(tty.read_now() == "<EAGAIN>");
    REQUIRE(!tty.discipline.can_read());
    tty.type("\r"); // ICRNL
    REQUIRE(tty.discipline.readable_bytes() == 6);
    REQUIRE(tty.read_now() == "hello\n");
    REQUIRE(tty.output == "hello\r\n"); // echo, with ONLCR
}

TEST_CASE("canonical reads return one line at a time, and a short buffer splits it", "[tty]")
{
    Terminal tty;
    tty.type("one\ntwo\n");
    REQUIRE(tty.read_now(2) == "on");
    REQUIRE(tty.read_now() == "e\n");
    REQUIRE(tty.read_now() == "two\n");
    REQUIRE(tty.read_now() == "<EAGAIN>");
}

TEST_CASE("erase removes one character and rubs it out on screen", "[tty]")
{
    Terminal tty;
    tty.type("abc\x7f");
    REQUIRE(tty.output == "abc\b \b");
    tty.type("\b"); // ^H erases too while VERASE is DEL
    REQUIRE(tty.output == "abc\b \b\b \b");
    tty.type("\x7f\x7f\x7f"); // erasing past the start does nothing
    REQUIRE(tty.output == "abc\b \b\b \b\b \b");
    tty.type("x\n");
    REQUIRE(tty.read_now() == "x\n");
}

TEST_CASE("erasing a control character echoed as ^X rubs out two columns", "[tty]")
{
    Terminal tty;
    tty.type("a\x01");
    REQUIRE(tty.output == "a^A");
    tty.output.clear();
    tty.type("\x7f");
    REQUIRE(tty.output == "\b \b\b \b");
}

TEST_CASE("erasing a tab backs up to the column where it started", "[tty]")
{
    Terminal tty;
    tty.type("ab\t");
    REQUIRE(tty.output == "ab\t");
    tty.output.clear();
    tty.type("\x7f");
    REQUIRE(tty.output == std::string(6, '\b')); // column 8 back to 2
}

TEST_CASE("erase removes a whole UTF-8 character under IUTF8", "[tty]")
{
    Terminal tty;
    tty.type("a\xc3\xa9\x7f\n"); // a, e-acute, erase
    REQUIRE(tty.read_now() == "a\n");
}

TEST_CASE("without ECHOE the erase character itself is echoed", "[tty]")
{
    Terminal tty;
    tty.set_lflag(0, UNUM_ECHOE);
    tty.type("ab\x7f");
    REQUIRE(tty.output == "ab^?");
}

TEST_CASE("kill erases the line, visually with ECHOKE", "[tty]")
{
    Terminal tty;
    tty.type("abc\x15");
    REQUIRE(tty.output == "abc\b \b\b \b\b \b");
    tty.type("ok\n");
    REQUIRE(tty.read_now() == "ok\n");
}

TEST_CASE("kill without ECHOKE echoes ^U and a newline", "[tty]")
{
    Terminal tty;
    tty.set_lflag(0, UNUM_ECHOKE);
    tty.type("abc\x15");
    REQUIRE(tty.output == "abc^U\r\n");
    tty.type("\n");
    REQUIRE(tty.read_now() == "\n");
}

TEST_CASE("word erase removes trailing blanks and then one word", "[tty]")
{
    Terminal tty;
    tty.type("ls foo bar  \x17");
    tty.output.clear();
    tty.type("\x17");
    REQUIRE(tty.output == "\b \b\b \b\b \b\b \b"); // " foo": a blank, then the word
    tty.type("x\n");
    REQUIRE(tty.read_now() == "ls x\n");
}

TEST_CASE("EOF at the start of a line reads as 0, mid-line it flushes the text", "[tty]")
{
    Terminal tty;
    tty.type("abc\x04");
    REQUIRE(tty.read_now() == "abc"); // no newline, and the ^D is discarded
    REQUIRE(tty.read_now() == "<EAGAIN>");
    tty.type("\x04");
    REQUIRE(tty.discipline.can_read());
    REQUIRE(tty.discipline.readable_bytes() == 0);
    REQUIRE(tty.read_now() == "");
    REQUIRE(tty.read_now() == "<EAGAIN>");
    tty.type("\x04\x04");
    REQUIRE(tty.read_now() == "");
    REQUIRE(tty.read_now() == "");
    REQUIRE(tty.output == "abc"); // ^D is never echoed
}

TEST_CASE("a line stops growing one byte short of MAX_LINE but can still be ended", "[tty]")
{
    Terminal tty;
    tty.set_lflag(0, UNUM_ECHO);
    std::string long_line(LineDiscipline::MAX_LINE + 100, 'x');
    tty.type(long_line);
    REQUIRE(tty.discipline.dropped_bytes() == 101);
    tty.type("\n");
    std::string got = tty.read_now(2 * LineDiscipline::MAX_LINE);
    REQUIRE(got.size() == LineDiscipline::MAX_LINE);
    REQUIRE(got.back() == '\n');
}

TEST_CASE("literal next makes a control character data", "[tty]")
{
    Terminal tty;
    tty.type("\x16\x03\n");
    REQUIRE(tty.signals.empty());
    REQUIRE(tty.read_now() == "\x03\n");
    REQUIRE(tty.output == "^\b^C\r\n");
}

TEST_CASE("ECHONL echoes newlines even without ECHO", "[tty]")
{
    Terminal tty;
    tty.set_lflag(UNUM_ECHONL, UNUM_ECHO);
    tty.type("secret\n");
    REQUIRE(tty.output == "\r\n");
    REQUIRE(tty.read_now() == "secret\n");
}

TEST_CASE("ISIG turns ^C, ^\\ and ^Z into signals, echoes them, and flushes input", "[tty]")
{
    Terminal tty;
    tty.type("done\npartial");
    tty.type("\x03");
    REQUIRE(tty.signals == std::vector<int> { tty_signal::INTERRUPT });
    REQUIRE(tty.read_now() == "<EAGAIN>"); // both the queued line and the partial one
    REQUIRE(tty.output == "done\r\npartial^C");
    tty.type("x\x1c");
    tty.type("y\x1a");
    REQUIRE(tty.signals
        == std::vector<int> { tty_signal::INTERRUPT, tty_signal::QUIT, tty_signal::TERMINAL_STOP });
    tty.type("\n");
    REQUIRE(tty.read_now() == "\n");
}

TEST_CASE("NOFLSH keeps the input on a signal; without ISIG ^C is data", "[tty]")
{
    Terminal tty;
    tty.set_lflag(UNUM_NOFLSH);
    tty.type("keep\n\x03");
    REQUIRE(tty.signals.size() == 1);
    REQUIRE(tty.read_now() == "keep\n");
    tty.set_lflag(0, UNUM_ISIG);
    tty.type("\x03\n");
    REQUIRE(tty.signals.size() == 1);
    REQUIRE(tty.read_now() == "\x03\n");
}

TEST_CASE("a disabled control character matches nothing", "[tty]")
{
    Terminal tty;
    unum_termios t = tty.discipline.termios();
    t.c_cc[UNUM_VINTR] = UNUM_VDISABLE;
    REQUIRE(!tty.discipline.set_termios(t).is_error());
    tty.type(std::string("\x03\0\n", 3));
    REQUIRE(tty.signals.empty());
    REQUIRE(tty.read_now() == std::string("\x03\0\n", 3));
}

TEST_CASE("ICRNL off keeps CR; IGNCR drops it; INLCR maps NL to CR", "[tty]")
{
    Terminal tty;
    unum_termios t = tty.discipline.termios();
    t.c_lflag &= ~(UNUM_ICANON | UNUM_ECHO);
    t.c_cc[UNUM_VMIN] = 0;
    t.c_iflag &= ~UNUM_ICRNL;
    REQUIRE(!tty.discipline.set_termios(t).is_error());
    tty.type("a\rb");
    REQUIRE(tty.read_now() == "a\rb");
    t.c_iflag |= UNUM_IGNCR;
    REQUIRE(!tty.discipline.set_termios(t).is_error());
    tty.type("a\rb");
    REQUIRE(tty.read_now() == "ab");
    t.c_iflag = UNUM_INLCR;
    REQUIRE(!tty.discipline.set_termios(t).is_error());
    tty.type("a\nb");
    REQUIRE(tty.read_now() == "a\rb");
}

TEST_CASE("write applies ONLCR only under OPOST", "[tty]")
{
    Terminal tty;
    std::string text = "a\nb\n";
    REQUIRE(tty.discipline.write(reinterpret_cast<u8 const*>(text.data()), text.size()).value() == 4);
    REQUIRE(tty.output == "a\r\nb\r\n");
    unum_termios t = tty.discipline.termios();
    t.c_oflag &= ~UNUM_OPOST;
    REQUIRE(!tty.discipline.set_termios(t).is_error());
    tty.output.clear();
    REQUIRE(tty.discipline.write(reinterpret_cast<u8 const*>(text.data()), text.size()).value() == 4);
    REQUIRE(tty.output == "a\nb\n");
}

TEST_CASE("a long write comes out whole and in order", "[tty]")
{
    Terminal tty;
    std::string text;
    for (int i = 0; i < 1000; ++i)
        text += char('a' + i % 26);
    REQUIRE(tty.discipline.write(reinterpret_cast<u8 const*>(text.data()), text.size()).value() == 1000);
    REQUIRE(tty.output == text);
}

TEST_CASE("raw mode with VMIN=0 VTIME=0 polls", "[tty]")
{
    Terminal tty;
    tty.set_raw(0, 0);
    REQUIRE(tty.read_now() == "");
    std::string buffer(8, '\0');
    auto result = tty.discipline.read(reinterpret_cast<u8*>(buffer.data()), 8, false);
    REQUIRE(result.value() == 0); // does not block either
    tty.type("ab\x7f\x15"); // no editing in raw mode
    REQUIRE(tty.read_now() == "ab\x7f\x15");
    REQUIRE(tty.output.empty());
}

TEST_CASE("raw mode with VMIN=1 returns what is there without waiting for more", "[tty]")
{
    sched_test_init();
    Terminal tty;
    tty.set_raw(1, 0);
    REQUIRE(tty.read_now() == "<EAGAIN>");
    tty.type("xyz");
    std::string buffer(16, '\0');
    auto result = tty.discipline.read(reinterpret_cast<u8*>(buffer.data()), 16, false);
    REQUIRE(result.value() == 3);
    REQUIRE(buffer.substr(0, 3) == "xyz");
}

TEST_CASE("raw mode with VMIN=3 blocks until three bytes arrive", "[tty]")
{
    sched_test_init();
    Terminal tty;
    tty.set_raw(3, 0);
    std::string got;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[16];
        auto result = tty.discipline.read(buffer, sizeof(buffer), false);
        REQUIRE(!result.is_error());
        got.assign(reinterpret_cast<char*>(buffer), result.value());
    });
    REQUIRE(reader->state() == ThreadState::Blocked);
    tty.type("ab");
    sched::yield();
    REQUIRE(reader->state() == ThreadState::Blocked);
    tty.type("c");
    REQUIRE(!reader->join().is_error());
    REQUIRE(got == "abc");
}

TEST_CASE("raw mode with VMIN=0 VTIME>0 times out with 0 bytes", "[tty]")
{
    sched_test_init();
    Terminal tty;
    tty.set_raw(0, 1);
    ReadOutcome result;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[4];
        result.set(tty.discipline.read(buffer, sizeof(buffer), false));
    });
    REQUIRE(!reader->join().is_error());
    REQUIRE(result.error == Error::None);
    REQUIRE(result.value == 0);
}

TEST_CASE("raw mode with VMIN>0 VTIME>0 returns early when the line goes quiet", "[tty]")
{
    sched_test_init();
    Terminal tty;
    tty.set_raw(10, 1);
    std::string got;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[16];
        auto result = tty.discipline.read(buffer, sizeof(buffer), false);
        REQUIRE(!result.is_error());
        got.assign(reinterpret_cast<char*>(buffer), result.value());
    });
    REQUIRE(reader->state() == ThreadState::Blocked); // nothing yet: no timer
    tty.type("ab");
    REQUIRE(!reader->join().is_error());
    REQUIRE(got == "ab");
}

TEST_CASE("a blocked canonical read is woken by a line from another thread", "[tty]")
{
    sched_test_init();
    Terminal tty;
    std::string got;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[64];
        auto result = tty.discipline.read(buffer, sizeof(buffer), false);
        REQUIRE(!result.is_error());
        got.assign(reinterpret_cast<char*>(buffer), result.value());
    });
    REQUIRE(reader->state() == ThreadState::Blocked);
    auto typist = spawn("typist", sched::PRIORITY_NORMAL, [&] { tty.type("ls -l\r"); });
    REQUIRE(!typist->join().is_error());
    REQUIRE(!reader->join().is_error());
    REQUIRE(got == "ls -l\n");
}

TEST_CASE("hangup wakes a blocked reader with EOF and makes writes fail", "[tty]")
{
    sched_test_init();
    Terminal tty;
    ReadOutcome result;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[64];
        result.set(tty.discipline.read(buffer, sizeof(buffer), false));
    });
    REQUIRE(reader->state() == ThreadState::Blocked);
    tty.discipline.hangup();
    REQUIRE(!reader->join().is_error());
    REQUIRE(result.error == Error::None);
    REQUIRE(result.value == 0);
    REQUIRE(tty.read_now() == "");
    u8 byte = 'x';
    REQUIRE(tty.discipline.write(&byte, 1).error() == Error::IoError);
    tty.type("late\n"); // ignored
    REQUIRE(tty.read_now() == "");
}

TEST_CASE("a line typed before hangup is still read, then EOF", "[tty]")
{
    Terminal tty;
    tty.type("last\n");
    tty.discipline.hangup();
    REQUIRE(tty.discipline.is_hung_up());
    REQUIRE(tty.read_now() == "last\n");
    REQUIRE(tty.read_now() == "");
}

TEST_CASE("interrupt_readers makes a sleeping reader return EINTR", "[tty]")
{
    sched_test_init();
    Terminal tty;
    ReadOutcome result;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[8];
        result.set(tty.discipline.read(buffer, sizeof(buffer), false));
    });
    REQUIRE(reader->state() == ThreadState::Blocked);
    tty.discipline.interrupt_readers();
    REQUIRE(!reader->join().is_error());
    REQUIRE(result.error == Error::Interrupted);
}

TEST_CASE("a reader blocked in canonical mode sees the switch to raw", "[tty]")
{
    sched_test_init();
    Terminal tty;
    std::string got;
    auto reader = spawn("reader", sched::PRIORITY_HIGH, [&] {
        u8 buffer[8];
        auto result = tty.discipline.read(buffer, sizeof(buffer), false);
        REQUIRE(!result.is_error());
        got.assign(reinterpret_cast<char*>(buffer), result.value());
    });
    tty.type("ab"); // a partial line
    REQUIRE(reader->state() == ThreadState::Blocked);
    tty.set_raw(1, 0);
    REQUIRE(!reader->join().is_error());
    REQUIRE(got == "ab");
}

TEST_CASE("raw bytes queued before switching to canonical read as one line", "[tty]")
{
    Terminal tty;
    tty.set_raw(0, 0);
    tty.type("xy");
    tty.set_lflag(UNUM_ICANON);
    REQUIRE(tty.read_now() == "xy");
    tty.type("z\n");
    REQUIRE(tty.read_now() == "z\n");
}

TEST_CASE("termios and window size round-trip; TCSAFLUSH drops input", "[tty]")
{
    Terminal tty;
    unum_termios t = tty.discipline.termios();
    REQUIRE((t.c_lflag & UNUM_ICANON));
    REQUIRE(t.c_cc[UNUM_VINTR] == 0x03);
    REQUIRE(t.c_cc[UNUM_VMIN] == 1);
    t.c_lflag = UNUM_ISIG;
    t.c_iflag = 0;
    t.c_oflag = UNUM_OPOST;
    t.c_cflag = UNUM_B9600 | UNUM_CS8;
    t.c_cc[UNUM_VINTR] = 'q';
    t.c_cc[UNUM_VTIME] = 7;
    tty.type("pending");
    REQUIRE(!tty.discipline.set_termios(t, UNUM_TCSAFLUSH).is_error());
    unum_termios back = tty.discipline.termios();
    REQUIRE(back.c_lflag == t.c_lflag);
    REQUIRE(back.c_iflag == t.c_iflag);
    REQUIRE(back.c_oflag == t.c_oflag);
    REQUIRE(back.c_cflag == t.c_cflag);
    for (int i = 0; i < UNUM_NCCS; ++i)
        REQUIRE(back.c_cc[i] == t.c_cc[i]);
    REQUIRE(tty.discipline.readable_bytes() == 0);
    REQUIRE(tty.discipline.set_termios(t, 7).error() == Error::InvalidArgument);

    tty.type("q");
    REQUIRE(tty.signals == std::vector<int> { tty_signal::INTERRUPT });

    REQUIRE(tty.discipline.window_size().ws_col == 80);
    REQUIRE(tty.discipline.set_window_size({ 50, 132, 0, 0 }));
    REQUIRE(!tty.discipline.set_window_size({ 50, 132, 0, 0 }));
    REQUIRE(tty.discipline.window_size().ws_row == 50);
    REQUIRE(tty.discipline.window_size().ws_col == 132);
    REQUIRE(tty.signals == std::vector<int> { tty_signal::INTERRUPT, tty_signal::WINDOW_CHANGE });

    REQUIRE(tty.discipline.foreground_process_group() == 0);
    tty.discipline.set_foreground_process_group(42);
    REQUIRE(tty.discipline.foreground_process_group() == 42);
}

TEST_CASE("the input notifier fires when a line completes and on hangup", "[tty]")
{
    Terminal tty;
    int notified = 0;
    tty.discipline.set_input_notifier([](void* count) { ++*static_cast<int*>(count); }, &notified);
    tty.type("ab");
    REQUIRE(notified == 0);
    tty.type("\n");
    REQUIRE(notified == 1);
    tty.discipline.hangup();
    REQUIRE(notified == 2);
}

TEST_CASE("a full input queue drops new lines instead of blocking the device", "[tty]")
{
    Terminal tty;
    tty.set_lflag(0, UNUM_ECHO);
    std::string line(99, 'x');
    line += '\n';
    for (usize i = 0; i < LineDiscipline::INPUT_CAPACITY / 100 + 5; ++i)
        tty.type(line);
    REQUIRE(tty.discipline.dropped_bytes() > 0);
    usize lines = 0;
    while (tty.read_now() == line)
        ++lines;
    REQUIRE(lines == LineDiscipline::INPUT_CAPACITY / 100);
}
