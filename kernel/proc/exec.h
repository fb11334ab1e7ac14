// Building a program's address space from an executable file: the ELF image, a
// stack holding argv, envp and the auxiliary vector, and the heap after the image.
// The caller swaps the result into its process only when everything succeeded, so
// a failed exec leaves the old program intact.
#pragma once

#include "fs/vfs/credentials.h"
#include "kernel/lib/ref_ptr.h"
#include "kernel/lib/string_view.h"
#include "kernel/vm/address_space.h"

class Vnode;

struct LoadedProgram {
    NonnullRefPtr<AddressSpace> address_space;
    VirtAddr entry;
    VirtAddr stack_pointer;
};

inline constexpr usize EXEC_MAX_FILE_SIZE = 64 * MiB;

// Loads path (resolved against cwd with credentials; needs execute permission).
// NotExecutable for a malformed file, AccessDenied, NoEntry, E2BIG for arguments.
Result<LoadedProgram> load_program(StringView path, Vnode& cwd, Credentials const& credentials,
    StringView const* arguments, usize argument_count, StringView const* environment, usize environment_count);
