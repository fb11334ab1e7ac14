// FrameRefCounts: a hash map from frame to mapping count, for shared frames only.
#include "kernel/vm/frame_ref_counts.h"

#include "kernel/mm/frame_allocator.h"

Result<void> FrameRefCounts::add_reference(PhysAddr frame)
{
    MutexLocker locker(m_lock);
    if (u32* count = m_counts.get(frame)) {
        ++*count;
        return {};
    }
    return m_counts.try_set(frame, 2);
}

bool FrameRefCounts::release(PhysAddr frame)
{
    {
        MutexLocker locker(m_lock);
        if (u32* count = m_counts.get(frame)) {
            if (--*count == 1)
                m_counts.remove(frame);
            return false;
        }
    }
    frame_allocator().free(frame);
    return true;
}

u32 FrameRefCounts::count(PhysAddr frame) const
{
    MutexLocker locker(m_lock);
    u32 const* count = m_counts.get(frame);
    return count ? *count : 1;
}

usize FrameRefCounts::shared_frame_count() const
{
    MutexLocker locker(m_lock);
    return m_counts.size();
}

FrameRefCounts& frame_ref_counts()
{
    static FrameRefCounts s_counts;
    return s_counts;
}
