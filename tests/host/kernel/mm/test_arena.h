// Host tests of kernel/mm: an aligned block of host memory installed as "physical
// memory" through the fake arch, so the allocators run unchanged on the host.
#pragma once

#include <cstdlib>
#include <cstring>

#include "fake_arch/fake_phys.h"
#include "kernel/mm/frame_allocator.h"

class TestArena {
public:
    // Aligned to the largest buddy block so virtual alignment equals physical alignment,
    // as with the kernel's direct map.
    static constexpr usize ALIGNMENT = PAGE_SIZE << FrameAllocator::MAX_ORDER;

    explicit TestArena(usize size, PhysAddr base = 0x40000000)
        : m_size(size)
        , m_base(base)
    {
        m_memory = std::aligned_alloc(ALIGNMENT, size);
        std::memset(m_memory, 0x5a, size);
        install();
    }
    ~TestArena() { std::free(m_memory); }
    TestArena(TestArena const&) = delete;
    TestArena& operator=(TestArena const&) = delete;

    void install() { fake_phys_install(m_memory, m_base, m_size); }
    PhysAddr base() const { return m_base; }
    PhysAddr end() const { return m_base + m_size; }
    usize size() const { return m_size; }
    u64 frames() const { return m_size / PAGE_SIZE; }

private:
    void* m_memory;
    usize m_size;
    PhysAddr m_base;
};

// The arena behind the global frame_allocator() (and so kmalloc). That allocator can
// be finalized only once per process, so its arena lives forever; other tests install
// their own arenas, so this re-installs it on every call.
inline TestArena& global_test_arena()
{
    static TestArena* arena = nullptr;
    if (!arena) {
        arena = new TestArena(32 * MiB, 0x200000000ull);
        frame_allocator().add_range(arena->base(), arena->size());
        if (frame_allocator().finalize().is_error())
            std::abort();
    }
    arena->install();
    return *arena;
}
