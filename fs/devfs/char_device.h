// CharDevice: a character device driver's ops, as devfs exposes it under
// /dev/<name>. Drivers (null, zero, random, kmsg here; the consoles and TTYs
// elsewhere) implement this and register an instance with Devfs.
#pragma once

#include "fs/vfs/open_file_description.h"
#include "kernel/lib/ref_counted.h"

// Every op may be called concurrently from several threads; a driver guards its
// own state. Ops may sleep unless the description is non-blocking (TryAgain).
class CharDevice : public RefCounted<CharDevice> {
public:
    virtual ~CharDevice() = default;

    // Called when /dev/<name> is opened / when that description goes away; a
    // driver keeps per-open state with description.set_state().
    virtual Result<void> open(OpenFileDescription&) { return {}; }
    virtual void release(OpenFileDescription&) { }
    // offset is the description's offset (devices usually ignore it).
    virtual Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) = 0;
    virtual Result<usize> write(OpenFileDescription& description, u64 offset, u8 const* data, usize size) = 0;
    // argument is the raw syscall argument; see Vnode::ioctl.
    virtual Result<i64> ioctl(OpenFileDescription&, u32, uptr) { return Error::NotTty; }
    // PollEvent bits.
    virtual u32 poll(OpenFileDescription&) { return PollEvent::Readable | PollEvent::Writable; }
};
