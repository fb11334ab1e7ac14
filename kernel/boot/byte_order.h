// Unaligned little- and big-endian loads for decoders of untrusted byte blobs.
// Byte-wise on purpose: input may sit at any alignment and must never be type-punned.
// Callers check bounds first; these functions read exactly the bytes they name.
#pragma once

#include "kernel/lib/types.h"

inline u16 load_le16(u8 const* p) { return u16(p[0] | (u16(p[1]) << 8)); }
inline u32 load_le32(u8 const* p) { return u32(p[0]) | (u32(p[1]) << 8) | (u32(p[2]) << 16) | (u32(p[3]) << 24); }
inline u64 load_le64(u8 const* p) { return u64(load_le32(p)) | (u64(load_le32(p + 4)) << 32); }

inline u16 load_be16(u8 const* p) { return u16((u16(p[0]) << 8) | p[1]); }
inline u32 load_be32(u8 const* p) { return (u32(p[0]) << 24) | (u32(p[1]) << 16) | (u32(p[2]) << 8) | u32(p[3]); }
