// String copy-in for system calls (see user_ptr.h).
#include "kernel/syscall/user_ptr.h"

Result<usize> copy_string_from_user(u64 user_address, char* buffer, usize capacity)
{
    if (capacity == 0)
        return Error::NameTooLong;
    // Byte by byte: a string may end right before an unmapped page, so reading
    // ahead in chunks could fault on memory the string does not use.
    for (usize i = 0; i < capacity; ++i) {
        char c;
        TRY(arch::copy_from_user(&c, user_address + i, 1));
        buffer[i] = c;
        if (c == 0)
            return i;
    }
    buffer[capacity - 1] = 0;
    return Error::NameTooLong;
}
