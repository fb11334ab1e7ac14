// RandomDevice: /dev/random. Bytes come from the entropy source given at
// creation, or else from a xoshiro256** generator seeded from the cycle counter
// and the clock and stirred by every read and write. That generator is NOT
// cryptographic: good for shuffles and seeds of games, not for keys.
#pragma once

#include "fs/devfs/char_device.h"
#include "kernel/sync/spinlock.h"

// Locks: m_lock (a spinlock) guards the generator state.
class RandomDevice final : public CharDevice {
public:
    // Fills buffer with size random bytes or fails (the read then fails too).
    using EntropySource = Result<void> (*)(u8* buffer, usize size);

    static Result<NonnullRefPtr<RandomDevice>> create(EntropySource source = nullptr);

    Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) override;
    // Written bytes are mixed into the generator state.
    Result<usize> write(OpenFileDescription& description, u64 offset, u8 const* data, usize size) override;

    // The same as read(), for kernel users (getentropy before a device is open).
    Result<void> fill(u8* buffer, usize size);

private:
    explicit RandomDevice(EntropySource source);
    // Caller must hold m_lock.
    u64 next_locked();
    void stir_locked(u64 value);

    EntropySource m_source;
    Spinlock m_lock;
    u64 m_state[4] {};
};
