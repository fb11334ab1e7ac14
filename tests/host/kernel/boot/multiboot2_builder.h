// Test helper: builds Multiboot2 boot information structures byte by byte, with
// the same layout GRUB produces, so parser tests can then break them on purpose.
#pragma once

#include <string>
#include <vector>

#include "kernel/lib/types.h"

class Multiboot2Builder {
public:
    Multiboot2Builder() { m_bytes.resize(8, 0); }

    static void put_u16(std::vector<u8>& out, u16 v)
    {
        for (int i = 0; i < 2; ++i)
            out.push_back(u8(v >> (8 * i)));
    }
    static void put_u32(std::vector<u8>& out, u32 v)
    {
        for (int i = 0; i < 4; ++i)
            out.push_back(u8(v >> (8 * i)));
    }
    static void put_u64(std::vector<u8>& out, u64 v)
    {
        for (int i = 0; i < 8; ++i)
            out.push_back(u8(v >> (8 * i)));
    }
    static void put_string(std::vector<u8>& out, std::string const& s)
    {
        out.insert(out.end(), s.begin(), s.end());
        out.push_back(0);
    }

    // Appends a tag with the given body; size is header + body unless overridden.
    Multiboot2Builder& tag(u32 type, std::vector<u8> const& body, i64 size_override = -1)
    {
        std::vector<u8> header;
        put_u32(header, type);
        put_u32(header, size_override >= 0 ? u32(size_override) : u32(8 + body.size()));
        m_bytes.insert(m_bytes.end(), header.begin(), header.end());
        m_bytes.insert(m_bytes.end(), body.begin(), body.end());
        while (m_bytes.size() % 8)
            m_bytes.push_back(0);
        return *this;
    }

    Multiboot2Builder& string_tag(u32 type, std::string const& s)
    {
        std::vector<u8> body;
        put_string(body, s);
        return tag(type, body);
    }

    Multiboot2Builder& module(u32 start, u32 end, std::string const& name)
    {
        std::vector<u8> body;
        put_u32(body, start);
        put_u32(body, end);
        put_string(body, name);
        return tag(3, body);
    }

    struct Entry {
        u64 base, length;
        u32 type;
    };
    Multiboot2Builder& memory_map(std::vector<Entry> const& entries, u32 entry_size = 24)
    {
        std::vector<u8> body;
        put_u32(body, entry_size);
        put_u32(body, 0);
        for (auto const& e : entries) {
            size_t start = body.size();
            put_u64(body, e.base);
            put_u64(body, e.length);
            put_u32(body, e.type);
            put_u32(body, 0);
            body.resize(start + entry_size, 0);
        }
        return tag(6, body);
    }

    // Appends the end tag and fills total_size.
    std::vector<u8> finish(u32 total_override = 0)
    {
        std::vector<u8> header;
        put_u32(header, 0);
        put_u32(header, 8);
        m_bytes.insert(m_bytes.end(), header.begin(), header.end());
        u32 total = total_override ? total_override : u32(m_bytes.size());
        for (int i = 0; i < 4; ++i)
            m_bytes[i] = u8(total >> (8 * i));
        return m_bytes;
    }

    std::vector<u8>& raw() { return m_bytes; }

private:
    std::vector<u8> m_bytes;
};
