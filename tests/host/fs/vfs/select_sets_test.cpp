// SelectSets: fd bit sets to poll entries and back.
#include <catch2/catch.hpp>

#include "fs/vfs/select_sets.h"

TEST_CASE("select: bit sets become one poll entry per named fd", "[select]")
{
    SelectSets sets;
    sets.read[0] = (1ull << 3) | (1ull << 5);
    sets.write[0] = 1ull << 5;
    sets.except[1] = 1ull << 6; // fd 70
    sets.read[2] = 1ull << 0;   // fd 128: beyond nfds below
    PollEntry entries[128];
    usize count = select_to_poll(sets, 100, entries);
    REQUIRE(count == 3);
    REQUIRE(entries[0].fd == 3);
    REQUIRE(entries[0].events == PollBits::In);
    REQUIRE(entries[1].fd == 5);
    REQUIRE(entries[1].events == (PollBits::In | PollBits::Out));
    REQUIRE(entries[2].fd == 70);
    REQUIRE(entries[2].events == PollBits::Priority);
}

TEST_CASE("select: results set only ready bits and count them", "[select]")
{
    PollEntry entries[3] = {
        { 3, PollBits::In, PollBits::HangUp },                      // end of file counts as readable
        { 5, PollBits::In | PollBits::Out, PollBits::Out },         // writable only
        { 70, PollBits::Priority, 0 },                              // nothing
    };
    SelectSets sets;
    sets.read[0] = ~0ull; // overwritten
    REQUIRE(poll_to_select(entries, 3, sets) == 2);
    REQUIRE(sets.read[0] == (1ull << 3));
    REQUIRE(sets.write[0] == (1ull << 5));
    REQUIRE(sets.except[1] == 0);
    PollEntry error { 7, PollBits::In | PollBits::Out, PollBits::Error };
    REQUIRE(poll_to_select(&error, 1, sets) == 2); // an error is both readable and writable
}

TEST_CASE("select: nfds past the maximum is clamped; words_for rounds up", "[select]")
{
    REQUIRE(SelectSets::words_for(0) == 0);
    REQUIRE(SelectSets::words_for(1) == 1);
    REQUIRE(SelectSets::words_for(64) == 1);
    REQUIRE(SelectSets::words_for(65) == 2);
    SelectSets sets;
    sets.read[SelectSets::WORDS - 1] = 1ull << 63;
    static PollEntry entries[UNUM_SELECT_MAX_FDS];
    REQUIRE(select_to_poll(sets, UNUM_SELECT_MAX_FDS + 50, entries) == 1);
    REQUIRE(entries[0].fd == UNUM_SELECT_MAX_FDS - 1);
}
