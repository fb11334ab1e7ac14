// CpioBuilder: writes cpio newc archives for tests, with hooks to damage them.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "kernel/lib/types.h"

class CpioBuilder {
public:
    CpioBuilder& add(std::string const& name, u32 mode, std::string const& data = "", u32 uid = 0, u32 gid = 0,
        bool with_checksum = false)
    {
        u32 check = 0;
        if (with_checksum) {
            for (unsigned char c : data)
                check += c;
        }
        char header[111];
        std::snprintf(header, sizeof(header), "%s%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x%08x",
            with_checksum ? "070702" : "070701", m_next_inode++, mode, uid, gid, 1u, 0u, u32(data.size()), 0u, 0u, 0u,
            0u, u32(name.size() + 1), check);
        bytes.insert(bytes.end(), header, header + 110);
        bytes.insert(bytes.end(), name.begin(), name.end());
        bytes.push_back(0);
        pad();
        bytes.insert(bytes.end(), data.begin(), data.end());
        pad();
        return *this;
    }
    CpioBuilder& trailer() { return add("TRAILER!!!", 0); }

    std::vector<u8> bytes;

private:
    void pad()
    {
        while (bytes.size() % 4)
            bytes.push_back(0);
    }
    u32 m_next_inode { 1 };
};
