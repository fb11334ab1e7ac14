// x86 implementation of kernel/arch/user_access.h over x86_copy_user (user_access.S).
#include "kernel/arch/user_access.h"

extern "C" i64 x86_copy_user(void* destination, void const* source, usize length);

namespace arch {
namespace {

bool is_user_range(u64 address, usize length)
{
    return address >= PAGE_SIZE && length <= USER_ADDRESS_END && address <= USER_ADDRESS_END - length;
}

} // namespace

Result<void> copy_from_user(void* kernel_destination, u64 user_source, usize length)
{
    if (length == 0)
        return {};
    if (!is_user_range(user_source, length))
        return Error::BadAddress;
    if (x86_copy_user(kernel_destination, reinterpret_cast<void const*>(user_source), length) != 0)
        return Error::BadAddress;
    return {};
}

Result<void> copy_to_user(u64 user_destination, void const* kernel_source, usize length)
{
    if (length == 0)
        return {};
    if (!is_user_range(user_destination, length))
        return Error::BadAddress;
    if (x86_copy_user(reinterpret_cast<void*>(user_destination), kernel_source, length) != 0)
        return Error::BadAddress;
    return {};
}

} // namespace arch
