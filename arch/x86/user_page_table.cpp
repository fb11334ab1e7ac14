// x86-64 user page tables: 4-level tables whose PML4 slots 256..511 are copies of
// the kernel's, so the kernel half is the same tables in every address space (the
// kernel must therefore never add a kernel-half PML4 slot after the first user
// table exists). User-half intermediate entries are present|writable|user; rights
// are decided by the leaf. Table pages come from the frame allocator.
#include "arch/x86/user_page_table.h"

#include "arch/x86/io.h"
#include "kernel/mm/frame_allocator.h"

namespace x86 {
namespace {

constexpr u64 EFER = 0xC0000080;
constexpr u64 EFER_NXE = 1ull << 11;
constexpr usize ENTRIES = 512;
constexpr usize USER_PML4_SLOTS = 256;

PhysAddr g_kernel_root = 0; // captured at the first create(), while on the kernel table

u64 read_cr3()
{
    u64 value;
    asm volatile("mov %%cr3, %0" : "=r"(value));
    return value;
}
void write_cr3(u64 value) { asm volatile("mov %0, %%cr3" : : "r"(value) : "memory"); }
void invlpg(VirtAddr va) { asm volatile("invlpg (%0)" : : "r"(va) : "memory"); }

u64* table_of(u64 entry) { return static_cast<u64*>(arch::phys_to_virt(entry & PTE_ADDRESS_MASK)); }
usize index_at(VirtAddr va, int level) { return (va >> (12 + 9 * level)) & 511; }

u64 leaf_bits(u32 flags)
{
    u64 bits = PTE_PRESENT | PTE_USER;
    if (flags & arch::PageWritable)
        bits |= PTE_WRITABLE;
    if (!(flags & arch::PageExecutable) && user_nx_enabled())
        bits |= PTE_NO_EXECUTE;
    return bits;
}

// The leaf entry for va, creating missing tables when create is set. Null (or
// NoMemory when creating) if a table is missing.
Result<u64*> leaf_slot(u64* pml4, VirtAddr va, bool create)
{
    u64* table = pml4;
    for (int level = 3; level > 0; --level) {
        u64& entry = table[index_at(va, level)];
        if (!(entry & PTE_PRESENT)) {
            if (!create)
                return static_cast<u64*>(nullptr);
            PhysAddr frame = TRY(frame_allocator().allocate_zeroed(0));
            entry = frame | PTE_PRESENT | PTE_WRITABLE | PTE_USER;
        }
        table = table_of(entry);
    }
    return &table[index_at(va, 0)];
}

bool valid_user_page(VirtAddr va)
{
    return is_aligned(va, PAGE_SIZE) && va >= arch::USER_SPACE_BASE && va < arch::USER_SPACE_END;
}

void free_tables(u64* table, int level)
{
    for (usize i = 0; i < (level == 3 ? USER_PML4_SLOTS : ENTRIES); ++i) {
        if (level > 1 && (table[i] & PTE_PRESENT))
            free_tables(table_of(table[i]), level - 1);
        if (level > 0 && (table[i] & PTE_PRESENT))
            frame_allocator().free(table[i] & PTE_ADDRESS_MASK);
    }
}

arch::UserMapping mapping_of(u64 entry)
{
    if (!(entry & PTE_PRESENT))
        return { false, 0, false, false };
    return { true, entry & PTE_ADDRESS_MASK, (entry & PTE_WRITABLE) != 0, (entry & PTE_NO_EXECUTE) == 0 };
}

// Calls leaf(va, entry&) for the present leaves of table (at level, covering
// addresses from base) within [start, end); leaf may rewrite the entry.
template<typename Leaf>
Result<void> walk(u64* table, int level, VirtAddr base, VirtAddr start, VirtAddr end, Leaf& leaf)
{
    u64 span = 1ull << (12 + 9 * level);
    usize limit = level == 3 ? USER_PML4_SLOTS : ENTRIES;
    for (usize i = 0; i < limit; ++i) {
        VirtAddr first = base + i * span;
        if (first + span <= start || first >= end || !(table[i] & PTE_PRESENT))
            continue;
        if (level == 0)
            TRY(leaf(first, table[i]));
        else
            TRY(walk(table_of(table[i]), level - 1, first, start, end, leaf));
    }
    return {};
}

} // namespace

bool user_nx_enabled()
{
    static int s_nx = -1;
    if (s_nx < 0)
        s_nx = (rdmsr(EFER) & EFER_NXE) ? 1 : 0;
    return s_nx == 1;
}

PhysAddr kernel_page_table_root()
{
    if (!g_kernel_root)
        g_kernel_root = read_cr3() & PTE_ADDRESS_MASK;
    return g_kernel_root;
}

u64 user_leaf_entry(arch::UserPageTable const& table, VirtAddr va)
{
    auto slot = leaf_slot(static_cast<u64*>(table.arch_root()), align_down(va, PAGE_SIZE), false);
    return slot.is_error() || !slot.value() ? 0 : *slot.value();
}

} // namespace x86

namespace arch {

using namespace x86;

Result<OwnPtr<UserPageTable>> UserPageTable::create()
{
    PhysAddr kernel_root = kernel_page_table_root();
    PhysAddr root = TRY(frame_allocator().allocate_zeroed(0));
    auto pml4 = static_cast<u64*>(phys_to_virt(root));
    auto kernel = static_cast<u64 const*>(phys_to_virt(kernel_root));
    for (usize i = USER_PML4_SLOTS; i < ENTRIES; ++i)
        pml4[i] = kernel[i];
    auto table = new (std::nothrow) UserPageTable(pml4);
    if (!table) {
        frame_allocator().free(root);
        return Error::NoMemory;
    }
    return OwnPtr<UserPageTable>(table);
}

UserPageTable::~UserPageTable()
{
    if (is_active())
        activate_kernel_page_table();
    auto pml4 = static_cast<u64*>(m_root);
    free_tables(pml4, 3);
    frame_allocator().free(virt_to_phys(pml4));
}

Result<void> UserPageTable::map(VirtAddr va, PhysAddr frame, u32 flags)
{
    if (!valid_user_page(va) || !is_aligned(frame, PAGE_SIZE))
        return Error::InvalidArgument;
    u64* slot = TRY(leaf_slot(static_cast<u64*>(m_root), va, true));
    bool was_present = (*slot & PTE_PRESENT) != 0;
    *slot = frame | leaf_bits(flags);
    if (was_present && is_active())
        invlpg(va);
    return {};
}

Result<PhysAddr> UserPageTable::unmap(VirtAddr va)
{
    if (!valid_user_page(va))
        return Error::InvalidArgument;
    u64* slot = TRY(leaf_slot(static_cast<u64*>(m_root), va, false));
    if (!slot || !(*slot & PTE_PRESENT))
        return Error::NoEntry;
    PhysAddr frame = *slot & PTE_ADDRESS_MASK;
    *slot = 0;
    if (is_active())
        invlpg(va);
    return frame;
}

UserMapping UserPageTable::query(VirtAddr va) const
{
    if (!valid_user_page(align_down(va, PAGE_SIZE)))
        return { false, 0, false, false };
    auto slot = leaf_slot(static_cast<u64*>(m_root), align_down(va, PAGE_SIZE), false);
    if (slot.is_error() || !slot.value())
        return { false, 0, false, false };
    return mapping_of(*slot.value());
}

Result<void> UserPageTable::protect(VirtAddr va, u32 flags)
{
    if (!valid_user_page(va))
        return Error::InvalidArgument;
    u64* slot = TRY(leaf_slot(static_cast<u64*>(m_root), va, false));
    if (!slot || !(*slot & PTE_PRESENT))
        return Error::NoEntry;
    *slot = (*slot & PTE_ADDRESS_MASK) | leaf_bits(flags);
    if (is_active())
        invlpg(va);
    return {};
}

Result<void> UserPageTable::walk_present(VirtAddr start, VirtAddr end, PresentVisitor visitor, void* context) const
{
    auto leaf = [&](VirtAddr va, u64& entry) { return visitor(context, va, mapping_of(entry)); };
    return walk(static_cast<u64*>(m_root), 3, 0, start, end, leaf);
}

void UserPageTable::unmap_present(VirtAddr start, VirtAddr end, ReleaseVisitor visitor, void* context)
{
    auto pml4 = static_cast<u64*>(m_root);
    bool active = is_active();
    auto leaf = [&](VirtAddr va, u64& entry) -> Result<void> {
        PhysAddr frame = entry & PTE_ADDRESS_MASK;
        entry = 0;
        if (active)
            invlpg(va);
        visitor(context, va, frame);
        return {};
    };
    (void)walk(pml4, 3, 0, start, end, leaf);
}

void UserPageTable::activate() { write_cr3(virt_to_phys(m_root)); }

bool UserPageTable::is_active() const { return (read_cr3() & PTE_ADDRESS_MASK) == virt_to_phys(m_root); }

void UserPageTable::flush_tlb()
{
    if (is_active())
        write_cr3(read_cr3());
}

void activate_kernel_page_table() { write_cr3(kernel_page_table_root()); }

} // namespace arch
