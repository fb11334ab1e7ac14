// CP437 mapping: ASCII identity, Latin-1 letters, box drawing, and unknowns.
#include <catch2/catch.hpp>

#include "kernel/console/cp437.h"

TEST_CASE("cp437 maps what the VGA font can draw")
{
    CHECK(codepoint_to_cp437('A') == 'A');
    CHECK(codepoint_to_cp437('~') == '~');
    CHECK(codepoint_to_cp437(0xE9) == 0x82);   // é
    CHECK(codepoint_to_cp437(0xC7) == 0x80);   // Ç
    CHECK(codepoint_to_cp437(0xFF) == 0x98);   // ÿ
    CHECK(codepoint_to_cp437(0xA0) == 0xFF);   // no-break space
    CHECK(codepoint_to_cp437(0x2500) == 0xC4); // ─
    CHECK(codepoint_to_cp437(0x250C) == 0xDA); // ┌
    CHECK(codepoint_to_cp437(0x2588) == 0xDB); // █
    CHECK(codepoint_to_cp437(0x0192) == 0x9F); // first table entry
    CHECK(codepoint_to_cp437(0x2666) == 0x04); // last table entry
}

TEST_CASE("cp437 shows '?' for what it cannot draw")
{
    CHECK(codepoint_to_cp437(0xC0) == '?'); // À is not in CP437
    CHECK(codepoint_to_cp437(0x7F) == '?');
    CHECK(codepoint_to_cp437(0x1B) == '?');
    CHECK(codepoint_to_cp437(0x20AC) == '?');
    CHECK(codepoint_to_cp437(0xFFFD) == '?');
    CHECK(codepoint_to_cp437(0xFFFFFFFF) == '?');
}
