// RamfsDirectory: a directory held in memory as a list of (name, vnode) entries
// in creation order. Each entry keeps a cookie that never changes, so readdir
// resumes correctly while entries come and go. Link counts follow Unix: 2 plus
// one per subdirectory.
#pragma once

#include "fs/ramfs/ramfs_node.h"
#include "fs/vfs/file_name.h"
#include "kernel/lib/vector.h"

// Locks: entries, the parent link and the metadata are guarded by the context
// lock, which every op takes for its whole duration.
class RamfsDirectory final : public RamfsNode {
public:
    // parent is null for the root.
    static Result<NonnullRefPtr<RamfsDirectory>> create(NonnullRefPtr<RamfsContext> context, RamfsDirectory* parent,
        u32 permissions, u32 uid, u32 gid);
    ~RamfsDirectory() override;

    Result<NonnullRefPtr<Vnode>> lookup(StringView name) override;
    Result<NonnullRefPtr<Vnode>> create(StringView name, VnodeKind kind, u32 permissions,
        Credentials const& owner) override;
    Result<NonnullRefPtr<Vnode>> mkdir(StringView name, u32 permissions, Credentials const& owner) override;
    Result<void> unlink(StringView name) override;
    Result<void> rmdir(StringView name) override;
    Result<void> rename(StringView old_name, Vnode& new_directory, StringView new_name) override;
    Result<usize> readdir(u64& cookie, DirectoryEntry* entries, usize capacity) override;

private:
    RamfsDirectory(NonnullRefPtr<RamfsContext> context, RamfsDirectory* parent, u32 permissions, u32 uid, u32 gid);

    struct Entry {
        FileName name;
        NonnullRefPtr<RamfsNode> node;
        u64 cookie;
    };
    static constexpr u64 FIRST_ENTRY_COOKIE = 2; // 0 is ".", 1 is ".."

    u64 size_locked() const override { return m_entries.size(); }
    // Caller must hold the context lock.
    Entry* find_locked(StringView name);
    usize index_of_locked(StringView name) const;
    Result<void> insert_locked(StringView name, NonnullRefPtr<RamfsNode> node);
    bool is_ancestor_or_self_locked(RamfsDirectory const& other) const;
    // Marks a directory removed from its parent: no "..", link count 0.
    void detach_locked();

    Vector<Entry> m_entries;
    u64 m_next_cookie { FIRST_ENTRY_COOKIE };
    RamfsDirectory* m_parent; // not owning: the parent's entry owns us
};
