// SelectSets: bit sets to poll entries and back.
#include "fs/vfs/select_sets.h"

namespace {

bool test_bit(u64 const* words, int fd) { return (words[fd / UNUM_FD_SET_WORD_BITS] >> (fd % UNUM_FD_SET_WORD_BITS)) & 1; }
void set_bit(u64* words, int fd) { words[fd / UNUM_FD_SET_WORD_BITS] |= u64(1) << (fd % UNUM_FD_SET_WORD_BITS); }

} // namespace

usize select_to_poll(SelectSets const& sets, int nfds, PollEntry* entries)
{
    if (nfds > UNUM_SELECT_MAX_FDS)
        nfds = UNUM_SELECT_MAX_FDS;
    usize count = 0;
    for (int fd = 0; fd < nfds; ++fd) {
        u32 events = 0;
        if (test_bit(sets.read, fd))
            events |= PollBits::In;
        if (test_bit(sets.write, fd))
            events |= PollBits::Out;
        if (test_bit(sets.except, fd))
            events |= PollBits::Priority;
        if (events)
            entries[count++] = PollEntry { fd, events, 0 };
    }
    return count;
}

usize poll_to_select(PollEntry const* entries, usize count, SelectSets& sets)
{
    sets = SelectSets {};
    usize bits = 0;
    for (usize i = 0; i < count; ++i) {
        PollEntry const& entry = entries[i];
        if ((entry.events & PollBits::In) && (entry.revents & (PollBits::In | PollBits::HangUp | PollBits::Error))) {
            set_bit(sets.read, entry.fd);
            ++bits;
        }
        if ((entry.events & PollBits::Out) && (entry.revents & (PollBits::Out | PollBits::Error))) {
            set_bit(sets.write, entry.fd);
            ++bits;
        }
        if ((entry.events & PollBits::Priority) && (entry.revents & PollBits::Priority)) {
            set_bit(sets.except, entry.fd);
            ++bits;
        }
    }
    return bits;
}
