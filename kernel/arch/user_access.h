// The arch seam, user-memory part: copying to and from user addresses with fault
// recovery. Portable code never dereferences a user pointer; it goes through these
// (via UserPtr in kernel/syscall/user_ptr.h), which check the range lies in the
// user half and turn a fault into Error::BadAddress.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"

namespace arch {

// One past the highest user address.
inline constexpr u64 USER_ADDRESS_END = 0x0000800000000000ull;

Result<void> copy_from_user(void* kernel_destination, u64 user_source, usize length);
Result<void> copy_to_user(u64 user_destination, void const* kernel_source, usize length);

} // namespace arch
