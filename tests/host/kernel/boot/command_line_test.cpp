// CommandLine tests: words, values, quoting (closed and unterminated), overrides
// through append(), numbers, and the bounds on options and text.
#include <catch2/catch.hpp>

#include <string>

#include "kernel/boot/command_line.h"

TEST_CASE("command line splits flags and key=value words")
{
    CommandLine line("loglevel=3  selftest\tconsole=serial,vga\n");
    CHECK(line.option_count() == 3);
    CHECK(line.has("selftest"_sv));
    CHECK(line.get("selftest"_sv).is_empty());
    CHECK(line.get("console"_sv) == "serial,vga"_sv);
    CHECK(line.get("loglevel"_sv) == "3"_sv);
    CHECK(!line.has("log"_sv));
    CHECK(!line.has("loglevel=3"_sv));
    CHECK(line.get("missing"_sv).is_empty());
    CHECK(line.ignored_count() == 0);
}

TEST_CASE("command line distinguishes a bare key from an empty value")
{
    CommandLine line("bare empty=");
    CHECK(!line.option(0).has_value);
    CHECK(line.option(0).key == "bare"_sv);
    CHECK(line.option(1).has_value);
    CHECK(line.option(1).key == "empty"_sv);
    CHECK(line.option(1).value.is_empty());
}

TEST_CASE("command line splits at the first equals sign only")
{
    CommandLine line("root=LABEL=unum");
    CHECK(line.get("root"_sv) == "LABEL=unum"_sv);
}

TEST_CASE("command line quotes keep spaces and are removed")
{
    CommandLine line(R"(motd="hello cluster world" "whole=quoted word" x="" y=a"b c"d)");
    CHECK(line.get("motd"_sv) == "hello cluster world"_sv);
    CHECK(line.get("whole"_sv) == "quoted word"_sv);
    CHECK(line.has("x"_sv));
    CHECK(line.get("x"_sv).is_empty());
    CHECK(line.get("y"_sv) == "ab cd"_sv);
    CHECK(line.option_count() == 4);
}

TEST_CASE("command line: an unterminated quote runs to the end")
{
    CommandLine line(R"(a=1 msg="never closed b=2)");
    CHECK(line.get("a"_sv) == "1"_sv);
    CHECK(line.get("msg"_sv) == "never closed b=2"_sv);
    CHECK(!line.has("b"_sv));
    CHECK(line.option_count() == 2);
}

TEST_CASE("command line ignores empty words and counts empty keys")
{
    CommandLine line(R"("" =value   )");
    CHECK(line.option_count() == 0);
    CHECK(line.ignored_count() == 1);
}

TEST_CASE("command line: a later key overrides an earlier one, also across append")
{
    CommandLine line("loglevel=3 console=serial loglevel=4");
    CHECK(line.get("loglevel"_sv) == "4"_sv);
    CHECK(line.option_count() == 2);
    line.append("loglevel=7 selftest");
    CHECK(line.get("loglevel"_sv) == "7"_sv);
    CHECK(line.get("console"_sv) == "serial"_sv);
    CHECK(line.has("selftest"_sv));
    CHECK(line.option_count() == 3);
    // A bare key overriding key=value leaves it present but without a value.
    line.append("console");
    CHECK(line.has("console"_sv));
    CHECK(!line.option(1).has_value);
}

TEST_CASE("command line: append of text with NULs, as fw_cfg strings may carry")
{
    CommandLine line("a=1");
    char const extra[] = { 'b', '=', '2', '\0', 'c', '\0' };
    line.append(StringView(extra, sizeof(extra)));
    CHECK(line.get("b"_sv) == "2"_sv);
    CHECK(line.has("c"_sv));
    CHECK(line.option_count() == 3);
}

TEST_CASE("command line numbers")
{
    CommandLine line("n=42 h=0x1F big=18446744073709551616 word=abc flag empty= octalish=010");
    CHECK(line.get_u64("n"_sv).value() == 42);
    CHECK(line.get_u64("h"_sv).value() == 0x1f);
    CHECK(line.get_u64("octalish"_sv).value() == 10);
    CHECK(line.get_u64("big"_sv).error() == Error::Overflow);
    CHECK(line.get_u64("word"_sv).error() == Error::InvalidArgument);
    CHECK(line.get_u64("flag"_sv).error() == Error::InvalidArgument);
    CHECK(line.get_u64("empty"_sv).error() == Error::InvalidArgument);
    CHECK(line.get_u64("absent"_sv).error() == Error::NoEntry);
}

TEST_CASE("command line keeps at most MAX_OPTIONS and counts the rest")
{
    std::string text;
    for (int i = 0; i < 100; ++i)
        text += "k" + std::to_string(i) + "=" + std::to_string(i) + " ";
    CommandLine line(StringView(text.data(), text.size()));
    CHECK(line.option_count() == CommandLine::MAX_OPTIONS);
    CHECK(line.ignored_count() == 100 - CommandLine::MAX_OPTIONS);
    CHECK(line.get("k63"_sv) == "63"_sv);
    CHECK(!line.has("k64"_sv));
    // Overriding an existing key still works when the table is full.
    line.append("k0=zero");
    CHECK(line.get("k0"_sv) == "zero"_sv);
}

TEST_CASE("command line drops a word that does not fit the text buffer, keeps later short ones")
{
    std::string huge(CommandLine::MAX_TEXT + 10, 'x');
    std::string text = "a=1 big=" + huge + " b=2";
    CommandLine line(StringView(text.data(), text.size()));
    CHECK(line.get("a"_sv) == "1"_sv);
    CHECK(!line.has("big"_sv));
    CHECK(line.get("b"_sv) == "2"_sv);
    CHECK(line.ignored_count() == 1);
}

TEST_CASE("command line survives being copied")
{
    CommandLine original("a=1 b=two");
    CommandLine copy = original;
    original.append("a=changed");
    CHECK(copy.get("a"_sv) == "1"_sv);
    CHECK(copy.get("b"_sv) == "two"_sv);
    CHECK(original.get("a"_sv) == "changed"_sv);
}
