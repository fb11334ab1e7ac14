// UserPtr<T>: a pointer into user memory. It cannot be dereferenced; values are
// copied in and out through the arch seam, which checks the range and recovers
// from faults, so a bad pointer from a program is Error::BadAddress (EFAULT).
#pragma once

#include <type_traits>

#include "kernel/arch/user_access.h"

template<typename T>
class UserPtr {
    static_assert(std::is_trivially_copyable_v<T>);

public:
    constexpr UserPtr() = default;
    constexpr explicit UserPtr(u64 address)
        : m_address(address)
    {
    }

    u64 address() const { return m_address; }
    bool is_null() const { return m_address == 0; }
    // The element index places further on (no range check: copies check).
    UserPtr offset(usize index) const { return UserPtr(m_address + index * sizeof(T)); }

    Result<T> read() const
    {
        T value;
        TRY(arch::copy_from_user(&value, m_address, sizeof(T)));
        return value;
    }
    Result<void> write(T const& value) const { return arch::copy_to_user(m_address, &value, sizeof(T)); }
    Result<void> read_array(T* out, usize count) const
    {
        if (count > ~usize(0) / sizeof(T))
            return Error::Overflow;
        return arch::copy_from_user(out, m_address, count * sizeof(T));
    }
    Result<void> write_array(T const* values, usize count) const
    {
        if (count > ~usize(0) / sizeof(T))
            return Error::Overflow;
        return arch::copy_to_user(m_address, values, count * sizeof(T));
    }

private:
    u64 m_address { 0 };
};

// Copies a NUL-terminated string from user memory into buffer (capacity bytes,
// including the NUL). Error::NameTooLong when it does not fit, BadAddress on a fault.
Result<usize> copy_string_from_user(u64 user_address, char* buffer, usize capacity);
