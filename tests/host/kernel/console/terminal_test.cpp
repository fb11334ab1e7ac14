// Terminal behaviour on a fake surface: printing, wrapping, scrolling, cursor
// movement and its clamping, erasing, SGR colours, split sequences and UTF-8.
#include <catch2/catch.hpp>
#include <cstring>

#include "kernel/console/fake_text_surface.h"
#include "kernel/console/terminal.h"

namespace {

struct Fixture {
    FakeTextSurface surface;
    Terminal terminal;

    Fixture(u32 columns = 10, u32 rows = 4)
        : surface(columns, rows)
        , terminal(surface)
    {
        terminal.reset();
    }
    void out(char const* text) { terminal.write(text, strlen(text)); }
    std::string row(u32 r) { return surface.row_text(r); }
};

} // namespace

TEST_CASE("terminal prints text and handles CR LF BS TAB BEL")
{
    Fixture f;
    f.out("ab\r\ncd");
    CHECK(f.row(0) == "ab");
    CHECK(f.row(1) == "cd");
    CHECK(f.terminal.cursor_col() == 2);
    CHECK(f.terminal.cursor_row() == 1);

    f.out("\bX\a");
    CHECK(f.row(1) == "cX");

    f.out("\r\tT");
    CHECK(f.row(1) == "cX      T");
    // A tab never leaves the screen.
    f.out("\t\t");
    CHECK(f.terminal.cursor_col() == 9);
    // The surface learns the cursor position at the end of each write.
    CHECK(f.surface.cursor_col == 9);
    CHECK(f.surface.cursor_row == 1);
}

TEST_CASE("terminal LF alone keeps the column")
{
    Fixture f;
    f.out("abc\ndef");
    CHECK(f.row(0) == "abc");
    CHECK(f.row(1) == "   def");
}

TEST_CASE("terminal wraps at the right margin only when the next character comes")
{
    Fixture f(5, 3);
    f.out("12345");
    CHECK(f.row(0) == "12345");
    CHECK(f.terminal.cursor_row() == 0);
    CHECK(f.terminal.cursor_col() == 4);
    f.out("6");
    CHECK(f.row(1) == "6");
    // A full-width line followed by CR LF does not leave an empty line.
    f.out("\r\n12345\r\nx");
    CHECK(f.row(0) == "6");
    CHECK(f.row(1) == "12345");
    CHECK(f.row(2) == "x");
}

TEST_CASE("terminal scrolls at the bottom")
{
    Fixture f(5, 3);
    f.out("a\r\nb\r\nc\r\nd");
    CHECK(f.row(0) == "b");
    CHECK(f.row(1) == "c");
    CHECK(f.row(2) == "d");
    CHECK(f.terminal.cursor_row() == 2);
    // Wrapping at the last row scrolls too.
    f.out("\r12345z");
    CHECK(f.row(0) == "c");
    CHECK(f.row(1) == "12345");
    CHECK(f.row(2) == "z");
}

TEST_CASE("terminal autowrap can be turned off")
{
    Fixture f(5, 2);
    f.out("\x1b[?7l123456789");
    CHECK(f.row(0) == "12349");
    CHECK(f.row(1) == "");
    f.out("\x1b[?7h\r\n123456");
    CHECK(f.row(0) == "12345");
    CHECK(f.row(1) == "6");
}

TEST_CASE("terminal cursor movement clamps at the edges")
{
    Fixture f(10, 5);
    f.out("\x1b[3;4H");
    CHECK(f.terminal.cursor_row() == 2);
    CHECK(f.terminal.cursor_col() == 3);
    f.out("\x1b[A");
    CHECK(f.terminal.cursor_row() == 1);
    f.out("\x1b[99A");
    CHECK(f.terminal.cursor_row() == 0);
    f.out("\x1b[99B");
    CHECK(f.terminal.cursor_row() == 4);
    f.out("\x1b[2D");
    CHECK(f.terminal.cursor_col() == 1);
    f.out("\x1b[99D");
    CHECK(f.terminal.cursor_col() == 0);
    f.out("\x1b[99999999999C");
    CHECK(f.terminal.cursor_col() == 9);
    f.out("\x1b[500;500f");
    CHECK(f.terminal.cursor_row() == 4);
    CHECK(f.terminal.cursor_col() == 9);
    f.out("\x1b[H");
    CHECK(f.terminal.cursor_row() == 0);
    CHECK(f.terminal.cursor_col() == 0);
    f.out("\x1b[;5H");
    CHECK(f.terminal.cursor_row() == 0);
    CHECK(f.terminal.cursor_col() == 4);
    f.out("\x1b[0;0H");
    CHECK(f.terminal.cursor_col() == 0);
    f.out("\x1b[7G\x1b[3d");
    CHECK(f.terminal.cursor_col() == 6);
    CHECK(f.terminal.cursor_row() == 2);
    f.out("\x1b[E");
    CHECK(f.terminal.cursor_col() == 0);
    CHECK(f.terminal.cursor_row() == 3);
}

TEST_CASE("terminal erase in line and display")
{
    Fixture f(6, 3);
    auto fill = [&] {
        f.out("\x1b[H" "AAAAAA" "BBBBBB" "CCCCC");
        f.out("C\x1b[2;3H");
    };
    fill();
    f.out("\x1b[K");
    CHECK(f.row(1) == "BB");
    fill();
    f.out("\x1b[1K");
    CHECK(f.row(1) == "   BBB");
    fill();
    f.out("\x1b[2K");
    CHECK(f.row(1) == "");
    CHECK(f.row(0) == "AAAAAA");

    fill();
    f.out("\x1b[J");
    CHECK(f.row(0) == "AAAAAA");
    CHECK(f.row(1) == "BB");
    CHECK(f.row(2) == "");
    fill();
    f.out("\x1b[1J");
    CHECK(f.row(0) == "");
    CHECK(f.row(1) == "   BBB");
    CHECK(f.row(2) == "CCCCCC");
    fill();
    f.out("\x1b[2J");
    for (u32 r = 0; r < 3; ++r)
        CHECK(f.row(r) == "");
    // Erasing does not move the cursor.
    CHECK(f.terminal.cursor_row() == 1);
    CHECK(f.terminal.cursor_col() == 2);
}

TEST_CASE("terminal SGR colours, bold and reverse")
{
    Fixture f;
    f.out("\x1b[31;44mr");
    CHECK(f.surface.at(0, 0).attr == CellAttr { ColorRed, ColorBlue });
    f.out("\x1b[1mb");
    CHECK(f.surface.at(1, 0).attr == CellAttr { u8(ColorRed + 8), ColorBlue });
    f.out("\x1b[7mv");
    CHECK(f.surface.at(2, 0).attr == CellAttr { ColorBlue, u8(ColorRed + 8) });
    f.out("\x1b[27;22;39mn");
    CHECK(f.surface.at(3, 0).attr == CellAttr { ColorWhite, ColorBlue });
    f.out("\x1b[49;92;103mq");
    CHECK(f.surface.at(4, 0).attr == CellAttr { u8(ColorGreen + 8), u8(ColorYellow + 8) });
    f.out("\x1b[mz");
    CHECK(f.surface.at(5, 0).attr == CellAttr { ColorWhite, ColorBlack });
    f.out("\x1b[38;5;2m\x1b[48;2;1;2;3mg");
    CHECK(f.surface.at(6, 0).attr == CellAttr { ColorGreen, ColorBlack });
    f.out("\x1b[0m");

    // Erase takes the current background.
    f.out("\x1b[42m\x1b[2K");
    CHECK(f.surface.at(0, 0).attr.bg == ColorGreen);
    CHECK(f.surface.at(0, 0).codepoint == ' ');
}

TEST_CASE("terminal escape sequences split across writes")
{
    Fixture f;
    f.out("\x1b");
    f.out("[");
    f.out("3");
    f.out(";");
    f.out("2H");
    CHECK(f.terminal.cursor_row() == 2);
    CHECK(f.terminal.cursor_col() == 1);
    f.out("\x1b[3");
    f.out("1mX");
    CHECK(f.surface.at(1, 2).attr.fg == ColorRed);
    CHECK(f.surface.at(1, 2).codepoint == 'X');
}

TEST_CASE("terminal save and restore cursor")
{
    Fixture f;
    f.out("\x1b[2;3H\x1b[33m\x1b" "7\x1b[H\x1b[0mA\x1b" "8B");
    CHECK(f.surface.at(2, 1).codepoint == 'B');
    CHECK(f.surface.at(2, 1).attr.fg == ColorYellow);
    CHECK(f.surface.at(0, 0).attr.fg == ColorWhite);
    f.out("\x1b[4;5H\x1b[s\x1b[H\x1b[u");
    CHECK(f.terminal.cursor_row() == 3);
    CHECK(f.terminal.cursor_col() == 4);
}

TEST_CASE("terminal cursor visibility")
{
    Fixture f;
    CHECK(f.surface.cursor_visible);
    f.out("\x1b[?25l");
    CHECK_FALSE(f.terminal.cursor_visible());
    CHECK_FALSE(f.surface.cursor_visible);
    f.out("\x1b[?25h");
    CHECK(f.surface.cursor_visible);
}

TEST_CASE("terminal scroll region")
{
    Fixture f(4, 5);
    f.out("0\r\n1\r\n2\r\n3\r\n4");
    f.out("\x1b[2;4r");
    CHECK(f.terminal.cursor_row() == 0); // DECSTBM homes the cursor
    f.out("\x1b[4;1H\nX");
    CHECK(f.row(0) == "0");
    CHECK(f.row(1) == "2");
    CHECK(f.row(2) == "3");
    CHECK(f.row(3) == "X");
    CHECK(f.row(4) == "4");
    // Reverse index at the region's top scrolls it down.
    f.out("\x1b[2;1H\x1bMY");
    CHECK(f.row(1) == "Y");
    CHECK(f.row(2) == "2");
    CHECK(f.row(3) == "3");
    CHECK(f.row(4) == "4");
    // Invalid regions are ignored; a bare r resets to the full screen.
    f.out("\x1b[4;2r\x1b[r\x1b[5;1H\n");
    CHECK(f.row(0) == "Y");
}

TEST_CASE("terminal insert and delete lines and characters")
{
    Fixture f(5, 3);
    f.out("abcde\r\nfghij\r\nklmno");
    f.out("\x1b[1;2H\x1b[2P");
    CHECK(f.row(0) == "ade");
    f.out("\x1b[1@");
    CHECK(f.row(0) == "a de");
    f.out("\x1b[2X");
    CHECK(f.row(0) == "a  e");
    f.out("\x1b[2;1H\x1b[L");
    CHECK(f.row(1) == "");
    CHECK(f.row(2) == "fghij");
    f.out("\x1b[M");
    CHECK(f.row(1) == "fghij");
    CHECK(f.row(2) == "");
    f.out("\x1b[99@\x1b[99P\x1b[99L\x1b[99M");
    CHECK(f.row(1) == "");
}

TEST_CASE("terminal consumes unknown and string sequences without printing")
{
    Fixture f(20, 2);
    f.out("\x1b]0;window title\x07" "a");
    f.out("\x1b]2;other\x1b\\b");
    f.out("\x1b(Bc\x1b#8d\x1b[?1049h\x1b[>0ce\x1b[2 qf\x1b[6ng\x1bZh");
    f.out("\x1b[1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20;21mi");
    f.out("\x1b[1\x18j"); // CAN aborts
    CHECK(f.row(0) == "abcdefghij");
}

TEST_CASE("terminal decodes UTF-8 and replaces invalid bytes")
{
    Fixture f(10, 2);
    f.out("\xc3\xa9");
    CHECK(f.surface.at(0, 0).codepoint == 0xE9);
    f.out("\xe2\x82");
    f.out("\xac");
    CHECK(f.surface.at(1, 0).codepoint == 0x20AC);
    f.out("\xff");
    CHECK(f.surface.at(2, 0).codepoint == 0xFFFD);
    f.out("\xc3" "A");
    CHECK(f.surface.at(3, 0).codepoint == 0xFFFD);
    CHECK(f.surface.at(4, 0).codepoint == 'A');
    f.out("\xc0\xaf"); // overlong '/'
    CHECK(f.surface.at(5, 0).codepoint == 0xFFFD);
    CHECK(f.surface.at(6, 0).codepoint == 0xFFFD);
    f.out("\xc2\x85"); // C1 NEL: drawn as nothing
    CHECK(f.terminal.cursor_col() == 7);
}

TEST_CASE("terminal reset clears everything")
{
    Fixture f(4, 2);
    f.out("\x1b[31mab\x1b[?25l\x1b" "c");
    CHECK(f.row(0) == "");
    CHECK(f.terminal.cursor_visible());
    CHECK(f.terminal.current_attr() == CellAttr {});
}

TEST_CASE("terminal over a one-cell surface stays in range")
{
    Fixture f(1, 1);
    f.out("abc\r\n\t\x1b[5;5H\x1b[L\x1b[M\x1b[5@\x1b[5P\x1b[S\x1b[T\x1bM\x1b[1;1rz");
    CHECK(f.row(0) == "z");
}
