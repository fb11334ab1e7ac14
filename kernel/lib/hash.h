// Hash<T>: the hash trait HashMap uses by default, for integers, enums,
// pointers and StringView. Specialize it (or pass a functor) for other keys.
#pragma once

#include <type_traits>

#include "kernel/lib/string_view.h"
#include "kernel/lib/types.h"

// Integer keys are often sequential (PIDs, inode numbers) or aligned (addresses);
// a full 64-bit mix keeps them from clustering under linear probing.
constexpr u64 hash_mix(u64 x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ull;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebull;
    x ^= x >> 31;
    return x;
}

// FNV-1a over bytes.
constexpr u64 hash_bytes(char const* data, usize length)
{
    u64 h = 0xcbf29ce484222325ull;
    for (usize i = 0; i < length; ++i) {
        h ^= static_cast<unsigned char>(data[i]);
        h *= 0x100000001b3ull;
    }
    return h;
}

template<typename T>
struct Hash;

template<typename T>
    requires(std::is_integral_v<T> || std::is_enum_v<T>)
struct Hash<T> {
    u64 operator()(T value) const { return hash_mix(static_cast<u64>(value)); }
};

template<typename T>
struct Hash<T*> {
    u64 operator()(T const* value) const { return hash_mix(reinterpret_cast<uptr>(value)); }
};

template<>
struct Hash<StringView> {
    u64 operator()(StringView value) const { return hash_bytes(value.characters(), value.length()); }
};
