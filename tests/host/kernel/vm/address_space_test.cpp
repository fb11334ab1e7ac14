// Tests of AddressSpace: ELF loading, demand-zero, regions split and merged by
// munmap/mmap, brk, the stack guard, copy-on-write fork, and that teardown gives
// back every frame.
#include <cstring>
#include <vector>

#include "kernel/exec/elf_builder.h"
#include "kernel/exec/user_stack.h"
#include "kernel/vm/frame_ref_counts.h"
#include "vm_test_support.h"

using namespace user_layout;

namespace {

NonnullRefPtr<AddressSpace> make_space()
{
    global_test_arena();
    auto space = AddressSpace::create();
    REQUIRE(!space.is_error());
    return space.release_value();
}

// An address space with the typical test program loaded and a stack.
NonnullRefPtr<AddressSpace> make_process(std::vector<u8>& file)
{
    auto space = make_space();
    file = ElfBuilder::typical().build();
    auto elf = Elf64::parse(file.data(), file.size());
    REQUIRE(!elf.is_error());
    REQUIRE(!space->load_elf(elf.value(), file.data(), file.size()).is_error());
    REQUIRE(!space->map_stack().is_error());
    return space;
}

} // namespace

TEST_CASE("AddressSpace: create and destroy leave nothing behind")
{
    u64 before = free_frames();
    usize tables = fake_user_page_tables_alive();
    {
        auto space = make_space();
        CHECK(fake_user_page_tables_alive() == tables + 1);
        CHECK(space->region_count() == 0);
        CHECK(space->resident_pages() == 0);
    }
    CHECK(fake_user_page_tables_alive() == tables);
    CHECK(free_frames() == before);
}

TEST_CASE("AddressSpace: load_elf copies segments and zero-fills bss")
{
    u64 before = free_frames();
    {
        std::vector<u8> file;
        auto space = make_process(file);
        auto regions = space->regions();
        REQUIRE(!regions.is_error());
        REQUIRE(regions.value().size() == 4);
        Region const& text = regions.value()[0];
        CHECK(text.start == 0x401000);
        CHECK(text.end == 0x402000);
        CHECK(text.protection == (ProtRead | ProtExec));
        CHECK(text.kind == RegionKind::ElfImage);
        Region const& data = regions.value()[1];
        CHECK(data.start == 0x403000);
        CHECK(data.end == 0x406000);
        CHECK(data.protection == (ProtRead | ProtWrite));
        CHECK(regions.value()[2].kind == RegionKind::StackGuard);
        CHECK(regions.value()[2].start == STACK_GUARD);
        CHECK(regions.value()[3].kind == RegionKind::Stack);
        CHECK(regions.value()[3].end == STACK_TOP);
        CHECK(space->brk_start() == 0x406000);
        CHECK(space->brk() == 0x406000);
        // One text page and one data page hold file bytes; nothing else is resident.
        CHECK(space->resident_pages() == 2);

        for (u64 i = 0; i < 0x234; ++i)
            REQUIRE(user_read(*space, 0x401000 + i) == ElfBuilder::content_byte(0x1000 + i));
        CHECK(user_read(*space, 0x401234) == 0); // rest of the text page
        for (u64 i = 0; i < 0x180; ++i)
            REQUIRE(user_read(*space, 0x403000 + i) == ElfBuilder::content_byte(0x2000 + i));
        for (u64 i = 0x180; i < 0x3000; i += 0x97)
            REQUIRE(user_read(*space, 0x403000 + i) == 0);
        CHECK(space->resident_pages() == 4); // bss pages came on demand

        arch::UserMapping text_page = space->query(0x401000);
        CHECK(text_page.present);
        CHECK(!text_page.writable);
        CHECK(text_page.executable);
        CHECK(!space->query(0x403000).executable);
        CHECK(fault_error(*space, 0x401010, false, true) == Error::None);
        CHECK(fault_error(*space, 0x401010, true) == Error::BadAddress);
        CHECK(fault_error(*space, 0x403010, false, true) == Error::BadAddress);
        user_write(*space, 0x403010, 0x77);
        CHECK(user_read(*space, 0x403010) == 0x77);
    }
    CHECK(free_frames() == before);
}

TEST_CASE("AddressSpace: load_elf refuses images it cannot place")
{
    auto space = make_space();
    ElfBuilder b = ElfBuilder::typical();
    b.headers[1].vaddr = IMAGE_END + 0x3000; // valid ELF, but in the mmap area
    auto file = b.build();
    auto elf = Elf64::parse(file.data(), file.size());
    REQUIRE(!elf.is_error());
    CHECK(space->load_elf(elf.value(), file.data(), file.size()).error() == Error::NotExecutable);
}

TEST_CASE("AddressSpace: anonymous memory is demand-zero")
{
    u64 before = free_frames();
    {
        auto space = make_space();
        auto address = space->map_anonymous(0, 3 * PAGE_SIZE, ProtRead | ProtWrite);
        REQUIRE(!address.is_error());
        VirtAddr base = address.value();
        CHECK(base % PAGE_SIZE == 0);
        CHECK(base >= MMAP_BASE);
        CHECK(base + 3 * PAGE_SIZE <= MMAP_TOP);
        CHECK(space->resident_pages() == 0);
        CHECK(free_frames() == before);

        // Dirty the frames first so a missing zero-fill would show.
        {
            std::vector<PhysAddr> frames;
            for (int i = 0; i < 8; ++i) {
                auto frame = frame_allocator().allocate(0);
                REQUIRE(!frame.is_error());
                std::memset(arch::phys_to_virt(frame.value()), 0xee, PAGE_SIZE);
                frames.push_back(frame.value());
            }
            for (PhysAddr f : frames)
                frame_allocator().free(f);
        }
        for (u64 offset = 0; offset < 3 * PAGE_SIZE; offset += 8)
            REQUIRE(user_read(*space, base + offset) == 0);
        CHECK(space->resident_pages() == 3);
        user_write(*space, base + PAGE_SIZE + 5, 42);
        CHECK(user_read(*space, base + PAGE_SIZE + 5) == 42);
        u8 buffer[4] = { 1, 1, 1, 1 };
        REQUIRE(!space->read(base + PAGE_SIZE + 4, buffer, 4).is_error());
        CHECK(buffer[0] == 0);
        CHECK(buffer[1] == 42);
        CHECK(free_frames() == before - 3);
    }
    CHECK(free_frames() == before);
}

TEST_CASE("AddressSpace: mmap merges neighbours, munmap splits regions and frees pages")
{
    u64 before = free_frames();
    {
        auto space = make_space();
        VirtAddr a = space->map_anonymous(0, 2 * PAGE_SIZE, ProtRead | ProtWrite).release_value();
        VirtAddr b = space->map_anonymous(0, 2 * PAGE_SIZE, ProtRead | ProtWrite).release_value();
        CHECK(b == a - 2 * PAGE_SIZE); // top-down, adjacent
        CHECK(space->region_count() == 1);
        VirtAddr c = space->map_anonymous(0, PAGE_SIZE, ProtRead).release_value();
        CHECK(c == b - PAGE_SIZE);
        CHECK(space->region_count() == 2); // different rights do not merge

        for (VirtAddr va = b; va < a + 2 * PAGE_SIZE; va += PAGE_SIZE)
            user_write(*space, va, u8(va >> 12));
        CHECK(space->resident_pages() == 4);

        // Punch out the middle two pages.
        REQUIRE(!space->unmap(b + PAGE_SIZE, 2 * PAGE_SIZE).is_error());
        CHECK(space->resident_pages() == 2);
        CHECK(free_frames() == before - 2);
        auto regions = space->regions().release_value();
        REQUIRE(regions.size() == 3);
        CHECK(regions[0].start == c);
        CHECK(regions[1].start == b);
        CHECK(regions[1].end == b + PAGE_SIZE);
        CHECK(regions[2].start == a + PAGE_SIZE);
        CHECK(regions[2].end == a + 2 * PAGE_SIZE);
        CHECK(fault_error(*space, b + PAGE_SIZE, false) == Error::BadAddress);
        CHECK(fault_error(*space, a, true) == Error::BadAddress);
        CHECK(user_read(*space, b) == u8(b >> 12));
        CHECK(user_read(*space, a + PAGE_SIZE) == u8((a + PAGE_SIZE) >> 12));

        // Unmapping a hole, or a range spanning holes and regions, is fine.
        REQUIRE(!space->unmap(b + PAGE_SIZE, PAGE_SIZE).is_error());
        REQUIRE(!space->unmap(c, a + 2 * PAGE_SIZE - c).is_error());
        CHECK(space->region_count() == 0);
        CHECK(space->resident_pages() == 0);
        CHECK(free_frames() == before);

        // The freed space is reused.
        CHECK(space->map_anonymous(0, PAGE_SIZE, ProtRead).release_value() == a + PAGE_SIZE);
    }
    CHECK(free_frames() == before);
}

TEST_CASE("AddressSpace: mmap hints and argument checks")
{
    auto space = make_space();
    CHECK(space->map_anonymous(0x10000000, PAGE_SIZE, ProtRead).release_value() == 0x10000000);
    // Taken hint: placed elsewhere.
    VirtAddr other = space->map_anonymous(0x10000000, PAGE_SIZE, ProtRead).release_value();
    CHECK(other != 0x10000000);
    CHECK(other >= MMAP_BASE);
    CHECK(space->map_anonymous(0x10000123, 10, ProtRead).release_value() == 0x10001000); // merges
    CHECK(space->map_anonymous(0, 0, ProtRead).error() == Error::InvalidArgument);
    CHECK(space->map_anonymous(0, PAGE_SIZE, 8).error() == Error::InvalidArgument);
    CHECK(space->map_anonymous(0, ~0ull, ProtRead).error() == Error::InvalidArgument);
    // A hint in the kernel half or straddling the end is ignored.
    CHECK(space->map_anonymous(0xffff800000000000ull, PAGE_SIZE, ProtRead).release_value() < MMAP_TOP);
    CHECK(space->map_anonymous(arch::USER_SPACE_END - PAGE_SIZE, 2 * PAGE_SIZE, ProtRead).release_value() < MMAP_TOP);
    CHECK(space->unmap(0x10000001, PAGE_SIZE).error() == Error::InvalidArgument);
    CHECK(space->unmap(0x10000000, 0).error() == Error::InvalidArgument);
    CHECK(space->unmap(0, PAGE_SIZE).error() == Error::InvalidArgument);
    CHECK(space->unmap(0x10000000, ~0ull).error() == Error::InvalidArgument);
    CHECK(space->unmap(arch::USER_SPACE_END - PAGE_SIZE, 2 * PAGE_SIZE).error() == Error::InvalidArgument);
    CHECK(space->unmap(arch::USER_SPACE_END, PAGE_SIZE).error() == Error::InvalidArgument);
}

TEST_CASE("AddressSpace: a runaway mmap gets ENOMEM")
{
    auto space = make_space();
    usize mapped = 0;
    Result<VirtAddr> last = space->map_anonymous(0, 16 * GiB, ProtRead | ProtWrite);
    while (!last.is_error()) {
        mapped += 16 * GiB;
        REQUIRE(mapped <= MMAP_MAX_BYTES);
        new (&last) Result<VirtAddr>(space->map_anonymous(0, 16 * GiB, ProtRead | ProtWrite));
    }
    CHECK(last.error() == Error::NoMemory);
    CHECK(mapped == MMAP_MAX_BYTES);
    CHECK(space->region_count() == 1);
    CHECK(space->resident_pages() == 0);
    // Freeing some makes room again.
    VirtAddr low = MMAP_TOP - MMAP_MAX_BYTES;
    REQUIRE(!space->unmap(low, 16 * GiB).is_error());
    CHECK(space->map_anonymous(0, 16 * GiB, ProtRead).release_value() == low);
}

TEST_CASE("AddressSpace: the stack and its guard page")
{
    u64 before = free_frames();
    {
        std::vector<u8> file;
        auto space = make_process(file);
        CHECK(space->map_stack().error() == Error::Exists);
        user_write(*space, STACK_TOP - 1, 9);
        user_write(*space, STACK_BOTTOM, 8); // the whole 8 MiB is there on demand
        CHECK(user_read(*space, STACK_TOP - 1) == 9);
        CHECK(fault_error(*space, STACK_BOTTOM - 1, true) == Error::BadAddress);
        CHECK(fault_error(*space, STACK_GUARD, false) == Error::BadAddress);
        CHECK(fault_error(*space, STACK_GUARD - 1, false) == Error::BadAddress);
        CHECK(fault_error(*space, STACK_TOP, false) == Error::BadAddress);
        CHECK(fault_error(*space, STACK_TOP - 8, false, true) == Error::BadAddress); // NX stack
        u8 byte = 0;
        CHECK(space->read(STACK_GUARD, &byte, 1).error() == Error::BadAddress);
        CHECK(space->write(STACK_GUARD + PAGE_SIZE - 1, "ab", 2).error() == Error::BadAddress);

        // exec's initial stack goes in with write().
        UserStackBuilder builder(STACK_TOP);
        REQUIRE(!builder.add_argument("/bin/true").is_error());
        REQUIRE(!builder.add_aux(AT_PAGESZ, PAGE_SIZE).is_error());
        auto image = builder.build();
        REQUIRE(!image.is_error());
        VirtAddr sp = image.value().stack_pointer;
        REQUIRE(!space->write(sp, image.value().bytes.data(), image.value().bytes.size()).is_error());
        CHECK(user_read(*space, sp) == 1); // argc
        std::vector<u8> back(image.value().bytes.size());
        REQUIRE(!space->read(sp, back.data(), back.size()).is_error());
        CHECK(std::memcmp(back.data(), image.value().bytes.data(), back.size()) == 0);
    }
    CHECK(free_frames() == before);
}

TEST_CASE("AddressSpace: faults outside every region are BadAddress")
{
    std::vector<u8> file;
    auto space = make_process(file);
    CHECK(fault_error(*space, 0, false) == Error::BadAddress);
    CHECK(fault_error(*space, 0xfff, true) == Error::BadAddress);
    CHECK(fault_error(*space, 0x400fff, false) == Error::BadAddress);
    CHECK(fault_error(*space, 0x402000, false) == Error::BadAddress); // between text and data
    CHECK(fault_error(*space, 0x406000, false) == Error::BadAddress); // empty heap
    CHECK(fault_error(*space, 0xffff800000001000ull, false) == Error::BadAddress);
    CHECK(fault_error(*space, ~0ull, true) == Error::BadAddress);
    VirtAddr none = space->map_anonymous(0, PAGE_SIZE, ProtNone).release_value();
    CHECK(fault_error(*space, none, false) == Error::BadAddress);
    VirtAddr read_only = space->map_anonymous(0, PAGE_SIZE, ProtRead).release_value();
    CHECK(fault_error(*space, read_only, true) == Error::BadAddress);
    CHECK(user_read(*space, read_only) == 0);
    CHECK(!space->query(read_only).writable);
    CHECK(space->resident_pages() == 3);
}

TEST_CASE("AddressSpace: brk grows and shrinks the heap, within bounds")
{
    u64 before = free_frames();
    {
        std::vector<u8> file;
        auto space = make_process(file);
        VirtAddr start = space->brk_start();
        CHECK(space->set_brk(start + 10).release_value() == start + 10);
        user_write(*space, start + 9, 1);
        CHECK(fault_error(*space, start + PAGE_SIZE, false) == Error::BadAddress);
        CHECK(space->set_brk(start + 3 * PAGE_SIZE + 1).release_value() == start + 3 * PAGE_SIZE + 1);
        CHECK(space->region_count() == 5); // heap grew in place
        for (VirtAddr va = start; va < start + 4 * PAGE_SIZE; va += PAGE_SIZE)
            user_write(*space, va + 100, 7);
        u64 resident = space->resident_pages();
        CHECK(space->set_brk(start + PAGE_SIZE).release_value() == start + PAGE_SIZE);
        CHECK(space->resident_pages() == resident - 3);
        CHECK(user_read(*space, start + 100) == 7);
        CHECK(fault_error(*space, start + PAGE_SIZE, false) == Error::BadAddress);
        // Growing again gives fresh zero pages.
        REQUIRE(!space->set_brk(start + 2 * PAGE_SIZE).is_error());
        CHECK(user_read(*space, start + PAGE_SIZE + 100) == 0);

        CHECK(space->set_brk(start - 1).error() == Error::InvalidArgument);
        CHECK(space->set_brk(start + HEAP_MAX_BYTES + 1).error() == Error::NoMemory);
        CHECK(space->set_brk(~0ull).error() == Error::NoMemory);
        CHECK(space->brk() == start + 2 * PAGE_SIZE);
        REQUIRE(!space->set_brk(start + HEAP_MAX_BYTES).is_error());

        // A mapping right above the break stops the heap.
        REQUIRE(!space->set_brk(start).is_error());
        CHECK(space->map_anonymous(start + 4 * PAGE_SIZE, PAGE_SIZE, ProtRead).release_value() == start + 4 * PAGE_SIZE);
        CHECK(!space->set_brk(start + 4 * PAGE_SIZE).is_error());
        CHECK(space->set_brk(start + 4 * PAGE_SIZE + 1).error() == Error::NoMemory);
        CHECK(space->brk() == start + 4 * PAGE_SIZE);
    }
    CHECK(free_frames() == before);

    auto empty = make_space();
    CHECK(empty->set_brk(0x1000000).error() == Error::InvalidArgument);
}

TEST_CASE("AddressSpace: fork shares pages copy-on-write")
{
    u64 before = free_frames();
    {
        std::vector<u8> file;
        auto parent = make_process(file);
        VirtAddr anon = parent->map_anonymous(0, 2 * PAGE_SIZE, ProtRead | ProtWrite).release_value();
        user_write(*parent, anon, 0x11);
        user_write(*parent, anon + PAGE_SIZE, 0x22);
        user_write(*parent, STACK_TOP - 16, 0x33);
        u64 resident = parent->resident_pages();
        u64 free_before_fork = free_frames();

        auto forked = parent->clone_for_fork();
        REQUIRE(!forked.is_error());
        auto child = forked.release_value();
        CHECK(free_frames() == free_before_fork); // nothing copied yet
        CHECK(child->resident_pages() == resident);
        CHECK(child->region_count() == parent->region_count());
        CHECK(child->brk() == parent->brk());

        arch::UserMapping p = parent->query(anon);
        arch::UserMapping c = child->query(anon);
        CHECK(p.frame == c.frame);
        CHECK(!p.writable);
        CHECK(!c.writable);
        CHECK(frame_ref_counts().count(p.frame) == 2);
        CHECK(child->query(0x401000).executable);
        CHECK(child->query(0x401000).frame == parent->query(0x401000).frame);

        // Reads in the child see the parent's data without copying.
        CHECK(user_read(*child, anon) == 0x11);
        CHECK(user_read(*child, STACK_TOP - 16) == 0x33);
        CHECK(free_frames() == free_before_fork);

        // The child's write gets its own copy; the parent keeps its data.
        user_write(*child, anon, 0x99);
        CHECK(free_frames() == free_before_fork - 1);
        CHECK(user_read(*child, anon) == 0x99);
        CHECK(user_read(*parent, anon) == 0x11);
        CHECK(child->query(anon).frame != p.frame);
        CHECK(child->query(anon).writable);
        CHECK(frame_ref_counts().count(p.frame) == 1);
        // The parent is now the only user: its write takes the page back, no copy.
        user_write(*parent, anon, 0x12);
        CHECK(parent->query(anon).frame == p.frame);
        CHECK(parent->query(anon).writable);
        CHECK(free_frames() == free_before_fork - 1);

        // The parent writes a still-shared page: the parent copies, the child keeps the original.
        PhysAddr shared = parent->query(anon + PAGE_SIZE).frame;
        user_write(*parent, anon + PAGE_SIZE, 0x44);
        CHECK(user_read(*child, anon + PAGE_SIZE) == 0x22);
        CHECK(child->query(anon + PAGE_SIZE).frame == shared);
        CHECK(parent->query(anon + PAGE_SIZE).frame != shared);

        // A grandchild shares with both.
        auto grandchild = child->clone_for_fork().release_value();
        CHECK(frame_ref_counts().count(shared) == 2);
        CHECK(frame_ref_counts().count(parent->query(0x401000).frame) == 3);
        CHECK(user_read(*grandchild, anon + PAGE_SIZE) == 0x22);

        // Dropping the parent first leaves the children intact.
        PhysAddr text = parent->query(0x401000).frame;
        parent = child; // drops the original parent
        CHECK(frame_ref_counts().count(text) == 2);
        CHECK(user_read(*grandchild, 0x401000) == ElfBuilder::content_byte(0x1000));
        CHECK(user_read(*child, STACK_TOP - 16) == 0x33);
    }
    CHECK(free_frames() == before);
    CHECK(frame_ref_counts().shared_frame_count() == 0);
}

TEST_CASE("AddressSpace: a read-only shared page written by the kernel is copied")
{
    std::vector<u8> file;
    auto parent = make_process(file);
    auto child = parent->clone_for_fork().release_value();
    PhysAddr text = parent->query(0x401000).frame;
    REQUIRE(!child->write(0x401000, "X", 1).is_error());
    CHECK(child->query(0x401000).frame != text);
    CHECK(!child->query(0x401000).writable);
    CHECK(user_read(*child, 0x401000) == 'X');
    CHECK(user_read(*parent, 0x401000) == ElfBuilder::content_byte(0x1000));
}

TEST_CASE("AddressSpace: out of frames is NoMemory, not a crash")
{
    auto space = make_space();
    VirtAddr anon = space->map_anonymous(0, 4 * PAGE_SIZE, ProtRead | ProtWrite).release_value();
    user_write(*space, anon, 1);
    auto child = space->clone_for_fork().release_value();
    std::vector<PhysAddr> hoard;
    for (;;) {
        auto frame = frame_allocator().allocate(0);
        if (frame.is_error())
            break;
        hoard.push_back(frame.value());
    }
    CHECK(fault_error(*space, anon + PAGE_SIZE, false) == Error::NoMemory);
    CHECK(fault_error(*child, anon, true) == Error::NoMemory); // COW copy needs a frame
    CHECK(user_read(*child, anon) == 1);
    for (PhysAddr f : hoard)
        frame_allocator().free(f);
    user_write(*child, anon, 2);
    CHECK(user_read(*space, anon) == 1);
}

TEST_CASE("AddressSpace: activate loads its page table")
{
    auto space = make_space();
    space->activate();
    CHECK(fake_active_user_page_table() != nullptr);
    arch::activate_kernel_page_table();
    CHECK(fake_active_user_page_table() == nullptr);
    space->activate();
    auto const* table = fake_active_user_page_table();
    CHECK(table != nullptr);
}
