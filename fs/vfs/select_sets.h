// select()'s three fd sets (arrays of 64-bit words, fd n is bit n%64 of word
// n/64, as kernel/abi/unum_socket.h fixes) translated to poll entries and back,
// so select() is poll_files() with a different way of naming the files.
#pragma once

#include "fs/vfs/poll_files.h"
#include "kernel/abi/unum_socket.h"

struct SelectSets {
    static constexpr usize WORDS = UNUM_SELECT_MAX_FDS / UNUM_FD_SET_WORD_BITS;
    u64 read[WORDS] {};
    u64 write[WORDS] {};
    u64 except[WORDS] {};

    // The words that hold fds 0..nfds-1.
    static usize words_for(int nfds) { return (usize(nfds) + UNUM_FD_SET_WORD_BITS - 1) / UNUM_FD_SET_WORD_BITS; }
};

// One entry per fd below nfds (at most UNUM_SELECT_MAX_FDS) named in any set:
// read asks for In, write for Out, except for Priority. entries must hold nfds.
// Returns how many entries were filled.
usize select_to_poll(SelectSets const& sets, int nfds, PollEntry* entries);

// Rewrites sets to hold only the ready fds of entries (read: In, HangUp or
// Error; write: Out or Error; except: Priority), and returns how many bits are
// set in all three, as select() reports it.
usize poll_to_select(PollEntry const* entries, usize count, SelectSets& sets);
