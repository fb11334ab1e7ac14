// The admission list of a boot server with admit=manual.
#include <catch2/catch.hpp>

#include <string>

#include "net/bootserver/admission_list.h"

using net::AdmissionList;
using net::MacAddress;

namespace {

MacAddress mac(u8 last) { return MacAddress { { 0x52, 0x54, 0x00, 0x00, 0x00, last } }; }

} // namespace

TEST_CASE("admission: a requesting machine waits on the pending list until admitted", "[admission]")
{
    AdmissionList list;
    REQUIRE(!list.is_admitted(mac(4)));
    REQUIRE(list.note_request(mac(4), 1000));   // listed: log it
    REQUIRE(!list.note_request(mac(4), 3000));  // again: no new log line
    REQUIRE(list.note_request(mac(5), 4000));
    auto pending = list.pending(13000);
    REQUIRE(!pending.is_error());
    REQUIRE(pending.value().size() == 2);
    CHECK(pending.value()[0].mac == mac(4));
    CHECK(pending.value()[0].requests == 2);
    CHECK(pending.value()[0].first_seen_ms == 1000);

    char line[net::PENDING_LINE_CAPACITY];
    auto length = net::format_pending_line(pending.value()[0], 13000, line, sizeof(line));
    REQUIRE(!length.is_error());
    CHECK(std::string(line, length.value()) == "mac=52:54:00:00:00:04 waiting_s=12 requests=2\n");

    REQUIRE(!list.admit(mac(4)).is_error());
    CHECK(list.is_admitted(mac(4)));
    CHECK(list.admit(mac(4)).error() == Error::Exists);
    auto later = list.pending(14000);
    REQUIRE(later.value().size() == 1);
    CHECK(later.value()[0].mac == mac(5));
}

TEST_CASE("admission: ahead of time, bad MACs, silence and a full list", "[admission]")
{
    AdmissionList list;
    REQUIRE(!list.admit(mac(9)).is_error()); // before it ever asked
    CHECK(list.is_admitted(mac(9)));
    CHECK(list.admit(MacAddress {}).error() == Error::InvalidArgument);
    CHECK(list.admit(MacAddress { { 0x01, 0, 0x5e, 0, 0, 1 } }).error() == Error::InvalidArgument);

    REQUIRE(list.note_request(mac(1), 0));
    // Silent past the limit: off the list, and listed afresh when it returns.
    CHECK(list.pending(AdmissionList::PENDING_FORGET_MS).value().is_empty());
    CHECK(list.note_request(mac(1), AdmissionList::PENDING_FORGET_MS + 5));
    CHECK(list.pending(AdmissionList::PENDING_FORGET_MS + 5).value()[0].requests == 1);

    AdmissionList full;
    for (usize i = 0; i < AdmissionList::MAX_PENDING; ++i)
        full.note_request(MacAddress { { 0x52, 0, 0, 0, u8(i >> 8), u8(i) } }, 100 + i);
    full.note_request(mac(200), 10000); // drops the longest silent (i = 0)
    auto pending = full.pending(10000);
    REQUIRE(pending.value().size() == AdmissionList::MAX_PENDING);
    CHECK(pending.value()[0].mac == (MacAddress { { 0x52, 0, 0, 0, 0, 1 } }));
    CHECK(pending.value().last().mac == mac(200));
}
