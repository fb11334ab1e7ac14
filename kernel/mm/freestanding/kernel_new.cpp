// Global operator new/delete for the kernel, all backed by the kernel heap.
// Kernel code allocates with `new (std::nothrow) T(...)` and checks the result; the
// throwing forms exist only for the compiler's sake and panic instead of throwing.
#include <new>

#include "kernel/mm/heap.h"
#include "kernel/panic.h"

namespace {

[[noreturn]] void out_of_memory(usize size)
{
    panic("operator new: out of memory for %zu bytes (use new (std::nothrow))", size);
}

void* checked(void* ptr, usize size)
{
    if (!ptr)
        out_of_memory(size);
    return ptr;
}

} // namespace

void* operator new(usize size) { return checked(kmalloc(size), size); }
void* operator new[](usize size) { return checked(kmalloc(size), size); }
void* operator new(usize size, std::nothrow_t const&) noexcept { return kmalloc(size); }
void* operator new[](usize size, std::nothrow_t const&) noexcept { return kmalloc(size); }

void* operator new(usize size, std::align_val_t align) { return checked(kmalloc_aligned(size, usize(align)), size); }
void* operator new[](usize size, std::align_val_t align) { return checked(kmalloc_aligned(size, usize(align)), size); }
void* operator new(usize size, std::align_val_t align, std::nothrow_t const&) noexcept
{
    return kmalloc_aligned(size, usize(align));
}
void* operator new[](usize size, std::align_val_t align, std::nothrow_t const&) noexcept
{
    return kmalloc_aligned(size, usize(align));
}

void operator delete(void* ptr) noexcept { kfree(ptr); }
void operator delete[](void* ptr) noexcept { kfree(ptr); }
void operator delete(void* ptr, usize) noexcept { kfree(ptr); }
void operator delete[](void* ptr, usize) noexcept { kfree(ptr); }
void operator delete(void* ptr, std::nothrow_t const&) noexcept { kfree(ptr); }
void operator delete[](void* ptr, std::nothrow_t const&) noexcept { kfree(ptr); }
void operator delete(void* ptr, std::align_val_t) noexcept { kfree(ptr); }
void operator delete[](void* ptr, std::align_val_t) noexcept { kfree(ptr); }
void operator delete(void* ptr, usize, std::align_val_t) noexcept { kfree(ptr); }
void operator delete[](void* ptr, usize, std::align_val_t) noexcept { kfree(ptr); }
void operator delete(void* ptr, std::align_val_t, std::nothrow_t const&) noexcept { kfree(ptr); }
void operator delete[](void* ptr, std::align_val_t, std::nothrow_t const&) noexcept { kfree(ptr); }
