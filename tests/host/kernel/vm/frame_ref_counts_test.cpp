// Tests of FrameRefCounts: implicit single owners, sharing, and freeing with the last.
#include "kernel/vm/frame_ref_counts.h"
#include "vm_test_support.h"

TEST_CASE("FrameRefCounts: counts shared frames and frees with the last mapping")
{
    global_test_arena();
    FrameRefCounts counts;
    PhysAddr frame = frame_allocator().allocate(0).release_value();
    u64 free_before = frame_allocator().free_frames();
    CHECK(counts.count(frame) == 1);
    CHECK(counts.shared_frame_count() == 0);
    REQUIRE(!counts.add_reference(frame).is_error());
    REQUIRE(!counts.add_reference(frame).is_error());
    CHECK(counts.count(frame) == 3);
    CHECK(counts.shared_frame_count() == 1);
    CHECK(!counts.release(frame));
    CHECK(counts.count(frame) == 2);
    CHECK(!counts.release(frame));
    CHECK(counts.count(frame) == 1);
    CHECK(counts.shared_frame_count() == 0);
    CHECK(frame_allocator().free_frames() == free_before);
    CHECK(counts.release(frame));
    CHECK(frame_allocator().free_frames() == free_before + 1);
}
