// Readiness system calls: poll and select. Both copy their arguments in, run
// poll_files() (fs/vfs/poll_files.h) over the caller's fd table, and copy the
// results out; select is poll with its fd sets translated (fs/vfs/select_sets.h).
#include "fs/vfs/poll_files.h"
#include "fs/vfs/select_sets.h"
#include "kernel/abi/unum_socket.h"
#include "kernel/abi/unum_types.h"
#include "kernel/lib/vector.h"
#include "kernel/syscall/current_files.h"
#include "kernel/syscall/syscall_families.h"
#include "kernel/syscall/user_ptr.h"

namespace {

// An fd set argument: null means "none"; only the words for nfds travel.
Result<void> copy_set_in(u64 user, u64* words, usize count)
{
    if (user == 0)
        return {};
    return UserPtr<u64>(user).read_array(words, count);
}

Result<void> copy_set_out(u64 user, u64 const* words, usize count)
{
    if (user == 0)
        return {};
    return UserPtr<u64>(user).write_array(words, count);
}

// select's timeval: null waits forever; negative fields are EINVAL.
Result<i64> select_timeout_ms(u64 user)
{
    if (user == 0)
        return i64(-1);
    unum_timeval timeout = TRY(UserPtr<unum_timeval>(user).read());
    if (timeout.tv_sec < 0 || timeout.tv_usec < 0 || timeout.tv_usec >= 1000000)
        return Error::InvalidArgument;
    constexpr i64 MAX_SECONDS = i64(1) << 40; // far beyond any sensible wait, no overflow
    i64 seconds = timeout.tv_sec < MAX_SECONDS ? timeout.tv_sec : MAX_SECONDS;
    return seconds * 1000 + (timeout.tv_usec + 999) / 1000;
}

} // namespace

Result<u64> sys_poll(SyscallArgs const& args)
{
    u64 user_fds = args.arg[0];
    usize count = args.arg[1];
    i64 timeout_ms = i32(args.arg[2]);
    if (count > UNUM_SELECT_MAX_FDS)
        return Error::InvalidArgument;
    FdTable* fds = TRY(current_fds());
    Vector<unum_pollfd> user_entries;
    Vector<PollEntry> entries;
    TRY(user_entries.try_resize(count));
    TRY(entries.try_resize(count));
    TRY(UserPtr<unum_pollfd>(user_fds).read_array(user_entries.data(), count));
    for (usize i = 0; i < count; ++i)
        entries[i] = PollEntry { user_entries[i].fd, u16(user_entries[i].events), 0 };
    usize ready = TRY(poll_files(*fds, entries.data(), count, timeout_ms < 0 ? -1 : timeout_ms));
    for (usize i = 0; i < count; ++i)
        user_entries[i].revents = short(entries[i].revents);
    TRY(UserPtr<unum_pollfd>(user_fds).write_array(user_entries.data(), count));
    return ready;
}

Result<u64> sys_select(SyscallArgs const& args)
{
    i64 nfds = i64(args.arg[0]);
    if (nfds < 0 || nfds > UNUM_SELECT_MAX_FDS)
        return Error::InvalidArgument;
    FdTable* fds = TRY(current_fds());
    usize words = SelectSets::words_for(int(nfds));
    SelectSets sets;
    TRY(copy_set_in(args.arg[1], sets.read, words));
    TRY(copy_set_in(args.arg[2], sets.write, words));
    TRY(copy_set_in(args.arg[3], sets.except, words));
    // Bits past nfds in the last word are not ours to look at.
    if (nfds % UNUM_FD_SET_WORD_BITS) {
        u64 mask = (u64(1) << (nfds % UNUM_FD_SET_WORD_BITS)) - 1;
        sets.read[words - 1] &= mask;
        sets.write[words - 1] &= mask;
        sets.except[words - 1] &= mask;
    }
    i64 timeout_ms = TRY(select_timeout_ms(args.arg[4]));

    Vector<PollEntry> entries;
    TRY(entries.try_resize(usize(nfds)));
    usize count = select_to_poll(sets, int(nfds), entries.data());
    // select names bad fds with EBADF up front, where poll would report POLLNVAL.
    for (usize i = 0; i < count; ++i)
        TRY(fds->get(entries[i].fd));
    TRY(poll_files(*fds, entries.data(), count, timeout_ms));
    usize ready = poll_to_select(entries.data(), count, sets);
    TRY(copy_set_out(args.arg[1], sets.read, words));
    TRY(copy_set_out(args.arg[2], sets.write, words));
    TRY(copy_set_out(args.arg[3], sets.except, words));
    return ready;
}
