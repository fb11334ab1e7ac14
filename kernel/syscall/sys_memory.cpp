// Memory system calls: brk, mmap (anonymous private mappings), munmap.
#include "kernel/abi/unum_types.h"
#include "kernel/proc/process.h"
#include "kernel/syscall/syscall_families.h"
#include "kernel/vm/address_space.h"

namespace {

Result<AddressSpace*> current_space()
{
    Process* process = current_process();
    if (!process || !process->address_space())
        return Error::BadAddress;
    return process->address_space();
}


} // namespace

Result<u64> sys_brk(SyscallArgs const& args)
{
    AddressSpace* space = TRY(current_space());
    if (args.arg[0] == 0)
        return space->brk();
    // brk(2) reports failure by returning the unchanged break.
    auto moved = space->set_brk(args.arg[0]);
    return moved.is_error() ? space->brk() : moved.value();
}

Result<u64> sys_mmap(SyscallArgs const& args)
{
    AddressSpace* space = TRY(current_space());
    u64 hint = args.arg[0];
    u64 length = args.arg[1];
    u32 protection = u32(args.arg[2]);
    u32 flags = u32(args.arg[3]);
    i64 fd = i64(args.arg[4]);
    if (!(flags & UNUM_MAP_ANONYMOUS) || fd != -1 || (flags & UNUM_MAP_SHARED))
        return Error::NotSupported; // file and shared mappings come later
    if (flags & UNUM_MAP_FIXED)
        return Error::NotSupported;
    return TRY(space->map_anonymous(hint, length, protection));
}

Result<u64> sys_munmap(SyscallArgs const& args)
{
    AddressSpace* space = TRY(current_space());
    TRY(space->unmap(args.arg[0], args.arg[1]));
    return 0;
}
