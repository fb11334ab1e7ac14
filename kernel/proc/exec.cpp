// Program loading (see exec.h).
#include "kernel/proc/exec.h"

#include "fs/vfs/file_flags.h"
#include "fs/vfs/vnode.h"
#include "kernel/arch/time.h"
#include "kernel/exec/elf64.h"
#include "kernel/exec/user_stack.h"
#include "kernel/lib/vector.h"
#include "kernel/proc/system_vfs.h"

namespace {

Result<Vector<u8>> read_whole_file(StringView path, Vnode& cwd, Credentials const& credentials)
{
    Vfs* vfs = system_vfs();
    if (!vfs)
        return Error::NoEntry;
    auto vnode = TRY(vfs->resolve(path, cwd, credentials));
    VnodeStat stat = TRY(vnode->stat());
    if (vnode->is_directory())
        return Error::AccessDenied;
    TRY(credentials.check_access(stat, Access::Execute));
    if (stat.size > EXEC_MAX_FILE_SIZE)
        return Error::NotExecutable;
    auto file = TRY(vfs->open(path, OpenFlag::ReadOnly, 0, credentials, cwd));
    Vector<u8> bytes;
    TRY(bytes.try_resize(usize(stat.size)));
    usize done = 0;
    while (done < bytes.size()) {
        usize n = TRY(file->read(bytes.data() + done, bytes.size() - done));
        if (n == 0)
            break;
        done += n;
    }
    TRY(bytes.try_resize(done));
    return bytes;
}

} // namespace

Result<LoadedProgram> load_program(StringView path, Vnode& cwd, Credentials const& credentials,
    StringView const* arguments, usize argument_count, StringView const* environment, usize environment_count)
{
    Vector<u8> bytes = TRY(read_whole_file(path, cwd, credentials));
    Elf64 elf = TRY(Elf64::parse(bytes.data(), bytes.size()));
    auto space = TRY(AddressSpace::create());
    TRY(space->load_elf(elf, bytes.data(), bytes.size()));
    VirtAddr stack_top = TRY(space->map_stack());

    UserStackBuilder stack(stack_top);
    for (usize i = 0; i < argument_count; ++i)
        TRY(stack.add_argument(arguments[i]));
    for (usize i = 0; i < environment_count; ++i)
        TRY(stack.add_environment(environment[i]));
    if (elf.program_header_address())
        TRY(stack.add_aux(AT_PHDR, elf.program_header_address()));
    TRY(stack.add_aux(AT_PHENT, elf.program_header_size()));
    TRY(stack.add_aux(AT_PHNUM, elf.program_header_count()));
    TRY(stack.add_aux(AT_PAGESZ, PAGE_SIZE));
    TRY(stack.add_aux(AT_ENTRY, elf.entry()));
    // AT_RANDOM seeds user-space hardening; the cycle counter stands in until the
    // kernel has an entropy pool.
    u8 random[16];
    u64 mix = arch::cycle_counter() ^ 0x9e3779b97f4a7c15ull;
    for (usize i = 0; i < sizeof(random); ++i) {
        mix = mix * 6364136223846793005ull + 1442695040888963407ull;
        random[i] = u8(mix >> 56);
    }
    stack.set_random(random);
    UserStackImage image = TRY(stack.build());
    TRY(space->write(image.stack_pointer, image.bytes.data(), image.bytes.size()));
    return LoadedProgram { space, elf.entry(), image.stack_pointer };
}
