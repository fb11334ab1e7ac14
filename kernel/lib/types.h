// Fixed-width integer names used throughout the kernel; portable (kernel and host).
#pragma once

#include <stddef.h>
#include <stdint.h>

using u8 = uint8_t;
using u16 = uint16_t;
using u32 = uint32_t;
using u64 = uint64_t;
using i8 = int8_t;
using i16 = int16_t;
using i32 = int32_t;
using i64 = int64_t;
using usize = size_t;
using isize = ptrdiff_t;
using uptr = uintptr_t;

// Physical addresses are a distinct name so signatures say which space they mean.
using PhysAddr = u64;
using VirtAddr = u64;

inline constexpr usize KiB = 1024;
inline constexpr usize MiB = 1024 * KiB;
inline constexpr usize GiB = 1024 * MiB;
inline constexpr usize PAGE_SIZE = 4096;

constexpr u64 align_up(u64 value, u64 align) { return (value + align - 1) & ~(align - 1); }
constexpr u64 align_down(u64 value, u64 align) { return value & ~(align - 1); }
constexpr bool is_aligned(u64 value, u64 align) { return (value & (align - 1)) == 0; }

// The element count of a C array.
template<typename T, usize N>
constexpr usize array_size(T const (&)[N]) { return N; }
