// Host fake of the user-memory seam: "user addresses" are host pointers, so tests
// can pass buffers; null and the first page stand for unmapped memory.
#include <cstring>

#include "kernel/arch/user_access.h"

namespace arch {

Result<void> copy_from_user(void* kernel_destination, u64 user_source, usize length)
{
    if (length == 0)
        return {};
    if (user_source < PAGE_SIZE)
        return Error::BadAddress;
    memcpy(kernel_destination, reinterpret_cast<void const*>(user_source), length);
    return {};
}

Result<void> copy_to_user(u64 user_destination, void const* kernel_source, usize length)
{
    if (length == 0)
        return {};
    if (user_destination < PAGE_SIZE)
        return Error::BadAddress;
    memcpy(reinterpret_cast<void*>(user_destination), kernel_source, length);
    return {};
}

} // namespace arch
