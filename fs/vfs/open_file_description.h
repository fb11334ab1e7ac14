// OpenFileDescription: what open() creates and a file descriptor points to — a
// vnode, an offset and the status flags. fork() and dup() share one description,
// so they share its offset; it is ref-counted and lives until the last fd goes.
#pragma once

#include <atomic>

#include "fs/vfs/vnode.h"
#include "kernel/lib/own_ptr.h"
#include "kernel/lib/ref_counted.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/sync/mutex.h"

// Locks: m_offset_lock (a Mutex) is held across a read/write/seek of a seekable
// vnode so sharers see each call as one step; it is taken before any file
// system lock and never from interrupt context.
class OpenFileDescription : public RefCounted<OpenFileDescription> {
public:
    // Makes a description and calls vnode.open() on it. flags are open()'s;
    // creation-only flags (Create, Exclusive, Truncate, CloseOnExec, ...) are dropped.
    static Result<NonnullRefPtr<OpenFileDescription>> create(NonnullRefPtr<Vnode> vnode, u32 flags);
    // Calls vnode.release() (pipes count their ends there).
    ~OpenFileDescription();

    Vnode& vnode() const { return *m_vnode; }
    NonnullRefPtr<Vnode> vnode_ref() const { return m_vnode; }

    // Access mode plus status flags, as fcntl(F_GETFL) reports them.
    u32 flags() const { return m_flags.load(std::memory_order_relaxed); }
    u32 access_mode() const { return flags() & OpenFlag::AccessModeMask; }
    bool is_readable() const { return access_mode() != OpenFlag::WriteOnly; }
    bool is_writable() const { return access_mode() != OpenFlag::ReadOnly; }
    bool is_nonblocking() const { return flags() & OpenFlag::NonBlock; }
    bool is_append() const { return flags() & OpenFlag::Append; }
    // fcntl(F_SETFL): changes only OpenFlag::StatusChangeable bits.
    void set_status_flags(u32 flags);

    // Read/write at the shared offset (advanced for seekable vnodes). BadFd when
    // the access mode forbids it; IsDirectory for directories.
    Result<usize> read(u8* buffer, usize size);
    Result<usize> write(u8 const* data, usize size);
    // lseek: the new offset. IllegalSeek (ESPIPE) on pipes and FIFOs;
    // InvalidArgument for a negative result, Overflow past i64.
    Result<u64> seek(i64 offset, SeekWhence whence);
    u64 offset();
    // getdents: entries from the directory at the offset (used as the cookie).
    Result<usize> read_directory(DirectoryEntry* entries, usize capacity);
    Result<VnodeStat> stat() { return m_vnode->stat(); }
    // ftruncate: InvalidArgument unless writable and a regular file.
    Result<void> truncate(u64 size);
    Result<i64> ioctl(u32 request, uptr argument) { return m_vnode->ioctl(*this, request, argument); }
    u32 poll() { return m_vnode->poll(*this); }

    // Per-open private state of the vnode (see OpenFileState); set in open().
    OpenFileState* state() const { return m_state.ptr(); }
    void set_state(OwnPtr<OpenFileState> state) { m_state = std::move(state); }

private:
    OpenFileDescription(NonnullRefPtr<Vnode> vnode, u32 flags);

    NonnullRefPtr<Vnode> m_vnode;
    std::atomic<u32> m_flags;
    bool m_opened { false };
    Mutex m_offset_lock;
    u64 m_offset { 0 };
    OwnPtr<OpenFileState> m_state;
};
