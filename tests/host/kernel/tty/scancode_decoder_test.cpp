// ScancodeDecoder and the US keymap on the host: plain keys, Shift and Caps Lock,
// Ctrl and Alt, the extended keys as VT100 sequences, the keypad with and
// without Num Lock, and releases, prefixes and Pause producing nothing.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>

#include "kernel/tty/scancode_decoder.h"

namespace {

std::string feed(ScancodeDecoder& decoder, std::initializer_list<u8> codes)
{
    std::string out;
    for (u8 code : codes) {
        u8 bytes[ScancodeDecoder::MAX_OUTPUT];
        usize n = decoder.feed(code, bytes);
        REQUIRE(n <= ScancodeDecoder::MAX_OUTPUT);
        out.append(reinterpret_cast<char*>(bytes), n);
    }
    return out;
}

constexpr u8 release(u8 code) { return code | 0x80; }

constexpr u8 A = 0x1E, C = 0x2E, ONE = 0x02, SLASH = 0x35, SPACE = 0x39, ENTER = 0x1C, BACKSPACE = 0x0E;
constexpr u8 LSHIFT = 0x2A, RSHIFT = 0x36, CTRL = 0x1D, ALT = 0x38, CAPS = 0x3A, NUMLOCK = 0x45, EXT = 0xE0;

} // namespace

TEST_CASE("US keymap table spot checks", "[keymap]")
{
    Keymap const& us = us_keymap();
    REQUIRE(us.lookup(0x10, false) == 'q');
    REQUIRE(us.lookup(0x10, true) == 'Q');
    REQUIRE(us.lookup(0x0C, true) == '_');
    REQUIRE(us.lookup(0x29, true) == '~');
    REQUIRE(us.lookup(0x2B, false) == '\\');
    REQUIRE(us.lookup(0x3B, false) == 0); // F1 is the decoder's business
    REQUIRE(us.lookup(0x7F, false) == 0); // out of range
}

TEST_CASE("plain keys make their character on press only", "[keymap]")
{
    ScancodeDecoder decoder;
    REQUIRE(feed(decoder, { A, release(A) }) == "a");
    REQUIRE(feed(decoder, { ONE, SLASH, SPACE }) == "1/ ");
    REQUIRE(feed(decoder, { ENTER, BACKSPACE, 0x0F, 0x01 }) == "\r\x7f\t\x1b");
    REQUIRE(feed(decoder, { release(ENTER), release(0x10), release(SPACE) }) == "");
}

TEST_CASE("either Shift shifts letters and symbols until released", "[keymap]")
{
    ScancodeDecoder decoder;
    REQUIRE(feed(decoder, { LSHIFT, A, ONE, SLASH }) == "A!?");
    REQUIRE(decoder.shift());
    REQUIRE(feed(decoder, { release(LSHIFT), A }) == "a");
    REQUIRE(feed(decoder, { RSHIFT, 0x27, release(RSHIFT), 0x27 }) == ":;");
    REQUIRE(!decoder.shift());
}

TEST_CASE("Caps Lock toggles letters only, and Shift inverts it", "[keymap]")
{
    ScancodeDecoder decoder;
    REQUIRE(feed(decoder, { CAPS, release(CAPS) }) == "");
    REQUIRE(decoder.caps_lock());
    REQUIRE(feed(decoder, { A, ONE }) == "A1");
    REQUIRE(feed(decoder, { LSHIFT, A, ONE, release(LSHIFT) }) == "a!");
    REQUIRE(feed(decoder, { CAPS, release(CAPS), A }) == "a");
}

TEST_CASE("Ctrl makes control codes", "[keymap]")
{
    ScancodeDecoder decoder;
    REQUIRE(feed(decoder, { CTRL, C }) == "\x03");
    REQUIRE(feed(decoder, { A, 0x20, 0x2C }) == std::string("\x01\x04\x1a")); // ^A ^D ^Z
    REQUIRE(feed(decoder, { 0x2B }) == "\x1c"); // ^backslash
    REQUIRE(feed(decoder, { 0x1A }) == "\x1b"); // ^[
    REQUIRE(feed(decoder, { SPACE }) == std::string(1, '\0'));
    REQUIRE(feed(decoder, { release(CTRL), C }) == "c");
    // Right Ctrl (E0 1D) works the same.
    REQUIRE(feed(decoder, { EXT, CTRL, 0x16, EXT, release(CTRL), 0x16 }) == "\x15u");
    // Ctrl with Caps Lock still makes the control code.
    REQUIRE(feed(decoder, { CAPS, CTRL, C, release(CTRL), CAPS }) == "\x03");
}

TEST_CASE("Alt sends ESC before the character", "[keymap]")
{
    ScancodeDecoder decoder;
    REQUIRE(feed(decoder, { ALT, 0x30, release(ALT), 0x30 }) == "\x1b" "bb");
    REQUIRE(feed(decoder, { EXT, ALT, 0x21, EXT, release(ALT) }) == "\x1b" "f");
    REQUIRE(!decoder.alt());
}

TEST_CASE("extended keys become VT100 sequences", "[keymap]")
{
    ScancodeDecoder decoder;
    REQUIRE(feed(decoder, { EXT, 0x48 }) == "\x1b[A");
    REQUIRE(feed(decoder, { EXT, 0x50 }) == "\x1b[B");
    REQUIRE(feed(decoder, { EXT, 0x4D }) == "\x1b[C");
    REQUIRE(feed(decoder, { EXT, 0x4B }) == "\x1b[D");
    REQUIRE(feed(decoder, { EXT, 0x47 }) == "\x1b[H");
    REQUIRE(feed(decoder, { EXT, 0x4F }) == "\x1b[F");
    REQUIRE(feed(decoder, { EXT, 0x53 }) == "\x1b[3~");
    REQUIRE(feed(decoder, { EXT, 0x52 }) == "\x1b[2~");
    REQUIRE(feed(decoder, { EXT, 0x49 }) == "\x1b[5~");
    REQUIRE(feed(decoder, { EXT, 0x51 }) == "\x1b[6~");
    REQUIRE(feed(decoder, { EXT, ENTER }) == "\r");
    REQUIRE(feed(decoder, { EXT, SLASH }) == "/");
    REQUIRE(feed(decoder, { EXT, release(0x48), EXT, release(0x53) }) == "");
    REQUIRE(feed(decoder, { EXT, 0x5B, EXT, release(0x5B) }) == ""); // GUI key
}

TEST_CASE("function keys and back-tab", "[keymap]")
{
    ScancodeDecoder decoder;
    REQUIRE(feed(decoder, { 0x3B }) == "\x1bOP");
    REQUIRE(feed(decoder, { 0x3E }) == "\x1bOS");
    REQUIRE(feed(decoder, { 0x3F }) == "\x1b[15~");
    REQUIRE(feed(decoder, { 0x58 }) == "\x1b[24~");
    REQUIRE(feed(decoder, { LSHIFT, 0x0F, release(LSHIFT) }) == "\x1b[Z");
}

TEST_CASE("the keypad follows Num Lock", "[keymap]")
{
    ScancodeDecoder decoder;
    REQUIRE(!decoder.num_lock());
    REQUIRE(feed(decoder, { 0x48, 0x4F, 0x4C }) == "\x1b[A\x1b[F"); // 8, 1, 5
    REQUIRE(feed(decoder, { 0x4A, 0x4E, 0x37 }) == "-+*");
    REQUIRE(feed(decoder, { NUMLOCK, release(NUMLOCK) }) == "");
    REQUIRE(decoder.num_lock());
    REQUIRE(feed(decoder, { 0x47, 0x48, 0x49, 0x4B, 0x4C, 0x4D, 0x4F, 0x50, 0x51, 0x52, 0x53 }) == "7894561230.");
}

TEST_CASE("fake shifts, Pause and reset", "[keymap]")
{
    ScancodeDecoder decoder;
    // Print Screen: E0 2A E0 37; the fake shift must not stick.
    REQUIRE(feed(decoder, { EXT, LSHIFT, EXT, 0x37, EXT, release(0x37), EXT, release(LSHIFT) }) == "");
    REQUIRE(!decoder.shift());
    REQUIRE(feed(decoder, { A }) == "a");
    // Pause: E1 1D 45 E1 9D C5 makes nothing and leaves Ctrl and Num Lock alone.
    REQUIRE(feed(decoder, { 0xE1, 0x1D, 0x45, 0xE1, 0x9D, 0xC5 }) == "");
    REQUIRE(!decoder.ctrl());
    REQUIRE(!decoder.num_lock());
    REQUIRE(feed(decoder, { LSHIFT, CTRL }) == "");
    decoder.reset();
    REQUIRE(feed(decoder, { A }) == "a");
}
