// RamfsFile: a regular file held in memory as an array of page-sized chunks.
// A chunk that was never written is a hole and reads as zeros, so sparse files
// and truncate-to-grow cost nothing until written.
#pragma once

#include "fs/ramfs/ramfs_node.h"
#include "kernel/lib/vector.h"

// Locks: data and size are guarded by the context lock.
class RamfsFile final : public RamfsNode {
public:
    // Largest size a ramfs file may reach (FileTooBig beyond).
    static constexpr u64 MAX_SIZE = u64(1) << 36;

    static Result<NonnullRefPtr<RamfsFile>> create(NonnullRefPtr<RamfsContext> context, u32 permissions, u32 uid,
        u32 gid);
    ~RamfsFile() override;

    Result<usize> read(OpenFileDescription& description, u64 offset, u8* buffer, usize size) override;
    Result<usize> write(OpenFileDescription& description, u64& offset, u8 const* data, usize size) override;
    Result<void> truncate(u64 size) override;

    // The same operations without a description, for the initrd loader and tests.
    Result<usize> read_at(u64 offset, u8* buffer, usize size);
    Result<usize> write_at(u64 offset, u8 const* data, usize size);

private:
    RamfsFile(NonnullRefPtr<RamfsContext> context, u32 permissions, u32 uid, u32 gid);

    u64 size_locked() const override { return m_size; }
    // Caller must hold the context lock.
    usize read_locked(u64 offset, u8* buffer, usize size) const;
    Result<usize> write_locked(u64 offset, u8 const* data, usize size);
    void free_pages_from(usize first_page);

    Vector<u8*> m_pages; // null: a hole
    u64 m_size { 0 };
};
