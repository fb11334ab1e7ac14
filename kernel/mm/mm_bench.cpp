// mm_bench: each measurement repeats a batch until enough time has passed for a
// coarse clock to be accurate, then reports operations (alloc+free pairs) per second.
#include "kernel/mm/mm_bench.h"

#include "kernel/arch/time.h"
#include "kernel/mm/frame_allocator.h"
#include "kernel/mm/heap.h"

namespace {

constexpr u64 MIN_DURATION_NS = 100'000'000;
constexpr u64 MAX_PAIRS = 1ull << 24;
constexpr usize BATCH = 64;

using Report = void (*)(char const*, u64, char const*);

// Runs batch() (which performs BATCH pairs) until MIN_DURATION_NS; returns pairs/s,
// or 0 if an allocation failed.
template<typename Batch>
u64 measure(Batch batch)
{
    u64 pairs = 0;
    u64 start = arch::monotonic_ns();
    u64 elapsed = 0;
    while (elapsed < MIN_DURATION_NS && pairs < MAX_PAIRS) {
        if (!batch())
            return 0;
        pairs += BATCH;
        elapsed = arch::monotonic_ns() - start;
    }
    if (elapsed == 0)
        elapsed = 1;
    return pairs * 1'000'000'000ull / elapsed;
}

void report_rate(Report report, char const* rate_name, char const* ns_name, u64 per_sec)
{
    report(rate_name, per_sec, "ops/s");
    if (per_sec)
        report(ns_name, 1'000'000'000ull / per_sec, "ns");
}

} // namespace

void mm_bench(Report report)
{
    // Same size every time: the slab fast path.
    u64 rate = measure([] {
        for (usize i = 0; i < BATCH; ++i) {
            void* p = kmalloc(64);
            if (!p)
                return false;
            kfree(p);
        }
        return true;
    });
    report_rate(report, "kmalloc_free_ops_per_sec", "kmalloc_free_ns", rate);

    // A burst of mixed sizes held at once, then released: slabs fill and drain.
    rate = measure([] {
        void* held[BATCH];
        for (usize i = 0; i < BATCH; ++i) {
            held[i] = kmalloc(usize(16) << (i % 8));
            if (!held[i]) {
                for (usize j = 0; j < i; ++j)
                    kfree(held[j]);
                return false;
            }
        }
        for (usize i = 0; i < BATCH; ++i)
            kfree(held[i]);
        return true;
    });
    report_rate(report, "kmalloc_free_mixed_ops_per_sec", "kmalloc_free_mixed_ns", rate);

    rate = measure([] {
        for (usize i = 0; i < BATCH; ++i) {
            void* p = kmalloc(16 * KiB);
            if (!p)
                return false;
            kfree(p);
        }
        return true;
    });
    report_rate(report, "kmalloc_free_large_ops_per_sec", "kmalloc_free_large_ns", rate);

    rate = measure([] {
        FrameAllocator& frames = frame_allocator();
        for (usize i = 0; i < BATCH; ++i) {
            auto frame = frames.allocate(0);
            if (frame.is_error())
                return false;
            frames.free(frame.value());
        }
        return true;
    });
    report_rate(report, "frame_alloc_free_ops_per_sec", "frame_alloc_free_ns", rate);

    kernel_heap().trim();
}
