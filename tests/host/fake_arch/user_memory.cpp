// Host fake of the user page-table seam: a table is an ordered map from page
// address to {frame, flags}; "activating" only records which table is current.
// No frames are used for the tables themselves, so host tests count data frames only.
#include <map>

#include "fake_arch/fake_user_memory.h"

namespace {

struct FakeEntry {
    PhysAddr frame;
    u32 flags;
};
struct FakeTable {
    std::map<VirtAddr, FakeEntry> pages;
};

usize g_alive = 0;
arch::UserPageTable const* g_active = nullptr;

FakeTable& fake(void* root) { return *static_cast<FakeTable*>(root); }

bool valid_user_page(VirtAddr va)
{
    return is_aligned(va, PAGE_SIZE) && va >= arch::USER_SPACE_BASE && va < arch::USER_SPACE_END;
}

arch::UserMapping mapping_of(FakeEntry const& e)
{
    return { true, e.frame, (e.flags & arch::PageWritable) != 0, (e.flags & arch::PageExecutable) != 0 };
}

} // namespace

usize fake_user_page_tables_alive() { return g_alive; }
arch::UserPageTable const* fake_active_user_page_table() { return g_active; }
usize fake_user_page_count(arch::UserPageTable const& table) { return fake(table.arch_root()).pages.size(); }

namespace arch {

Result<OwnPtr<UserPageTable>> UserPageTable::create()
{
    auto* root = new (std::nothrow) FakeTable;
    if (!root)
        return Error::NoMemory;
    auto* table = new (std::nothrow) UserPageTable(root);
    if (!table) {
        delete root;
        return Error::NoMemory;
    }
    ++g_alive;
    return OwnPtr<UserPageTable>(table);
}

UserPageTable::~UserPageTable()
{
    if (g_active == this)
        g_active = nullptr;
    delete &fake(m_root);
    --g_alive;
}

Result<void> UserPageTable::map(VirtAddr va, PhysAddr frame, u32 flags)
{
    if (!valid_user_page(va) || !is_aligned(frame, PAGE_SIZE))
        return Error::InvalidArgument;
    fake(m_root).pages[va] = FakeEntry { frame, flags & (PageWritable | PageExecutable) };
    return {};
}

Result<PhysAddr> UserPageTable::unmap(VirtAddr va)
{
    if (!valid_user_page(va))
        return Error::InvalidArgument;
    auto& pages = fake(m_root).pages;
    auto it = pages.find(va);
    if (it == pages.end())
        return Error::NoEntry;
    PhysAddr frame = it->second.frame;
    pages.erase(it);
    return frame;
}

UserMapping UserPageTable::query(VirtAddr va) const
{
    auto& pages = fake(m_root).pages;
    auto it = pages.find(align_down(va, PAGE_SIZE));
    if (it == pages.end())
        return { false, 0, false, false };
    return mapping_of(it->second);
}

Result<void> UserPageTable::protect(VirtAddr va, u32 flags)
{
    auto& pages = fake(m_root).pages;
    auto it = pages.find(va);
    if (it == pages.end())
        return Error::NoEntry;
    it->second.flags = flags & (PageWritable | PageExecutable);
    return {};
}

Result<void> UserPageTable::walk_present(VirtAddr start, VirtAddr end, PresentVisitor visitor, void* context) const
{
    auto& pages = fake(m_root).pages;
    for (auto it = pages.lower_bound(start); it != pages.end() && it->first < end; ++it)
        TRY(visitor(context, it->first, mapping_of(it->second)));
    return {};
}

void UserPageTable::unmap_present(VirtAddr start, VirtAddr end, ReleaseVisitor visitor, void* context)
{
    auto& pages = fake(m_root).pages;
    auto it = pages.lower_bound(start);
    while (it != pages.end() && it->first < end) {
        VirtAddr va = it->first;
        PhysAddr frame = it->second.frame;
        it = pages.erase(it);
        visitor(context, va, frame);
    }
}

void UserPageTable::activate() { g_active = this; }
bool UserPageTable::is_active() const { return g_active == this; }
void UserPageTable::flush_tlb() { }

void activate_kernel_page_table() { g_active = nullptr; }

} // namespace arch
