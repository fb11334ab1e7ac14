// RandomDevice: the fallback generator (xoshiro256**, seeded with splitmix64).
#include "fs/devfs/random_device.h"

#include "kernel/arch/time.h"
#include "kernel/lib/string.h"

namespace {

u64 splitmix64(u64& x)
{
    u64 z = (x += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

constexpr u64 rotate_left(u64 x, int k) { return (x << k) | (x >> (64 - k)); }

} // namespace

RandomDevice::RandomDevice(EntropySource source)
    : m_source(source)
{
    u64 seed = arch::cycle_counter() ^ rotate_left(arch::monotonic_ns(), 32);
    for (auto& word : m_state)
        word = splitmix64(seed);
}

Result<NonnullRefPtr<RandomDevice>> RandomDevice::create(EntropySource source)
{
    return adopt_ref_if_nonnull(new (std::nothrow) RandomDevice(source));
}

u64 RandomDevice::next_locked()
{
    u64 result = rotate_left(m_state[1] * 5, 7) * 9;
    u64 t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotate_left(m_state[3], 45);
    return result;
}

void RandomDevice::stir_locked(u64 value)
{
    u64 mix = value;
    m_state[0] ^= splitmix64(mix);
    m_state[2] ^= splitmix64(mix);
    if ((m_state[0] | m_state[1] | m_state[2] | m_state[3]) == 0)
        m_state[0] = 1; // xoshiro must never reach the all-zero state
}

Result<void> RandomDevice::fill(u8* buffer, usize size)
{
    if (m_source)
        return m_source(buffer, size);
    SpinlockGuard guard(m_lock);
    stir_locked(arch::cycle_counter());
    usize done = 0;
    while (done < size) {
        u64 word = next_locked();
        usize chunk = size - done < sizeof(word) ? size - done : sizeof(word);
        memcpy(buffer + done, &word, chunk);
        done += chunk;
    }
    return {};
}

Result<usize> RandomDevice::read(OpenFileDescription&, u64, u8* buffer, usize size)
{
    TRY(fill(buffer, size));
    return size;
}

Result<usize> RandomDevice::write(OpenFileDescription&, u64, u8 const* data, usize size)
{
    SpinlockGuard guard(m_lock);
    for (usize i = 0; i < size; i += sizeof(u64)) {
        u64 word = 0;
        memcpy(&word, data + i, size - i < sizeof(u64) ? size - i : sizeof(u64));
        stir_locked(word);
    }
    return size;
}
