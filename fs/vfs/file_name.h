// FileName: an owned, heap-allocated directory-entry name (at most NAME_MAX
// characters), for file systems that keep names (ramfs, devfs). Move-only;
// creation fails with NoMemory or NameTooLong instead of throwing.
#pragma once

#include <new>
#include <utility>

#include "fs/vfs/file_flags.h"
#include "kernel/lib/result.h"
#include "kernel/lib/string.h"
#include "kernel/lib/string_view.h"

class FileName {
public:
    static Result<FileName> create(StringView name)
    {
        if (name.length() > NAME_MAX_LENGTH)
            return Error::NameTooLong;
        char* characters = new (std::nothrow) char[name.length() + 1];
        if (!characters)
            return Error::NoMemory;
        memcpy(characters, name.characters(), name.length());
        characters[name.length()] = '\0';
        return FileName(characters, name.length());
    }

    FileName(FileName&& other)
        : m_characters(std::exchange(other.m_characters, nullptr))
        , m_length(std::exchange(other.m_length, 0))
    {
    }
    FileName& operator=(FileName&& other)
    {
        if (this != &other) {
            delete[] m_characters;
            m_characters = std::exchange(other.m_characters, nullptr);
            m_length = std::exchange(other.m_length, 0);
        }
        return *this;
    }
    FileName(FileName const&) = delete;
    FileName& operator=(FileName const&) = delete;
    ~FileName() { delete[] m_characters; }

    StringView view() const { return { m_characters, m_length }; }
    char const* c_str() const { return m_characters; }

private:
    FileName(char* characters, usize length)
        : m_characters(characters)
        , m_length(length)
    {
    }
    char* m_characters { nullptr };
    usize m_length { 0 };
};
