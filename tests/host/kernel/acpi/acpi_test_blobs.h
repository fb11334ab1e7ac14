// Host-test helpers for ACPI: a fake physical memory that tables are placed in,
// and builders for RSDP, RSDT/XSDT, MADT records, MCFG, HPET, FADT and \_S5_ AML
// bytes.
#pragma once

#include <cstring>
#include <string>
#include <vector>

#include "kernel/acpi/acpi_memory.h"
#include "kernel/acpi/rsdp.h"

namespace acpi_test {

using Bytes = std::vector<u8>;

inline void put16(Bytes& b, usize at, u16 v) { for (int i = 0; i < 2; ++i) b[at + i] = u8(v >> (8 * i)); }
inline void put32(Bytes& b, usize at, u32 v) { for (int i = 0; i < 4; ++i) b[at + i] = u8(v >> (8 * i)); }
inline void put64(Bytes& b, usize at, u64 v) { for (int i = 0; i < 8; ++i) b[at + i] = u8(v >> (8 * i)); }
inline void append16(Bytes& b, u16 v) { b.resize(b.size() + 2); put16(b, b.size() - 2, v); }
inline void append32(Bytes& b, u32 v) { b.resize(b.size() + 4); put32(b, b.size() - 4, v); }
inline void append64(Bytes& b, u64 v) { b.resize(b.size() + 8); put64(b, b.size() - 8, v); }

inline void fix_checksum(Bytes& b, usize checksum_at, usize length)
{
    b[checksum_at] = 0;
    b[checksum_at] = u8(-acpi::checksum(b.data(), length));
}

// A table: 36-byte header with signature, length and checksum over body.
inline Bytes make_table(char const* signature, Bytes const& body, u8 revision = 1)
{
    Bytes t(36, 0);
    std::memcpy(t.data(), signature, 4);
    t[8] = revision;
    std::memcpy(&t[10], "UNUMTS", 6);
    t.insert(t.end(), body.begin(), body.end());
    put32(t, 4, u32(t.size()));
    fix_checksum(t, 9, t.size());
    return t;
}

inline Bytes make_rsdp(u8 revision, u32 rsdt, u64 xsdt)
{
    Bytes r(36, 0);
    std::memcpy(r.data(), "RSD PTR ", 8);
    std::memcpy(&r[9], "UNUMOE", 6);
    r[15] = revision;
    put32(r, 16, rsdt);
    put32(r, 20, 36);
    put64(r, 24, xsdt);
    fix_checksum(r, 8, 20);
    fix_checksum(r, 32, 36);
    if (revision < 2)
        r.resize(20);
    return r;
}

inline Bytes madt_body(u32 lapic_address, u32 flags) { Bytes b; append32(b, lapic_address); append32(b, flags); return b; }
inline void add_lapic(Bytes& b, u8 uid, u8 apic_id, u32 flags) { b.insert(b.end(), { 0, 8, uid, apic_id }); append32(b, flags); }
inline void add_x2apic(Bytes& b, u32 apic_id, u32 flags, u32 uid) { b.insert(b.end(), { 9, 16, 0, 0 }); append32(b, apic_id); append32(b, flags); append32(b, uid); }
inline void add_ioapic(Bytes& b, u8 id, u32 address, u32 gsi_base) { b.insert(b.end(), { 1, 12, id, 0 }); append32(b, address); append32(b, gsi_base); }
inline void add_override(Bytes& b, u8 bus, u8 irq, u32 gsi, u16 flags) { b.insert(b.end(), { 2, 10, bus, irq }); append32(b, gsi); append16(b, flags); }
inline void add_lapic_nmi(Bytes& b, u8 uid, u16 flags, u8 lint) { b.insert(b.end(), { 4, 6, uid }); append16(b, flags); b.push_back(lint); }
inline void add_nmi_source(Bytes& b, u16 flags, u32 gsi) { b.insert(b.end(), { 3, 8 }); append16(b, flags); append32(b, gsi); }
inline void add_lapic_address(Bytes& b, u64 address) { b.insert(b.end(), { 5, 12, 0, 0 }); append64(b, address); }

// A FADT being built: fields are set at their offsets in the whole table, as the
// ACPI specification lists them; table() adds the header and checksum.
struct FadtBuilder {
    Bytes body;

    // 276 bytes is ACPI 6's FADT, 116 ACPI 1.0's.
    explicit FadtBuilder(usize table_length = 276)
        : body(table_length - 36, 0)
    {
    }
    void set8(usize offset, u8 v) { body[offset - 36] = v; }
    void set32(usize offset, u32 v) { put32(body, offset - 36, v); }
    void set64(usize offset, u64 v) { put64(body, offset - 36, v); }
    // A Generic Address Structure: space 0 memory, 1 system I/O.
    void set_gas(usize offset, u8 space, u64 address, u8 bit_width = 8)
    {
        body[offset - 36] = space;
        body[offset - 35] = bit_width;
        body[offset - 34] = 0;
        body[offset - 33] = 1;
        put64(body, offset - 32, address);
    }
    Bytes table(u8 revision = 6) const { return make_table("FACP", body, revision); }
};

// AML for Name(_S5_, Package(count) { elements }) (with a leading '\' when
// rooted), elements already encoded; a one-byte PkgLength when it fits.
inline Bytes aml_s5(Bytes const& elements, u8 count, bool rooted = false, char const* name = "_S5_")
{
    Bytes b { 0x08 };
    if (rooted)
        b.push_back('\\');
    b.insert(b.end(), name, name + 4);
    b.push_back(0x12);
    usize length = 2 + elements.size(); // PkgLength byte, NumElements, elements
    if (length < 64) {
        b.push_back(u8(length));
    } else {
        ++length; // a second PkgLength byte
        b.push_back(u8(0x40 | (length & 0x0F)));
        b.push_back(u8(length >> 4));
    }
    b.push_back(count);
    b.insert(b.end(), elements.begin(), elements.end());
    return b;
}

// Fake physical memory: one zeroed region at [base, base+size).
class FakeMemory {
public:
    explicit FakeMemory(PhysAddr base = 0x100000, usize size = 64 * 1024)
        : m_base(base)
        , m_bytes(size, 0)
    {
    }
    PhysAddr place(Bytes const& data)
    {
        PhysAddr at = m_base + m_next;
        std::memcpy(&m_bytes[m_next], data.data(), data.size());
        m_next = (m_next + data.size() + 15) & ~usize(15);
        return at;
    }
    // Moves the next place() to offset (keeps tables away from physical address 0).
    void skip_to(usize offset) { m_next = offset; }
    void write(PhysAddr at, Bytes const& data) { std::memcpy(&m_bytes[at - m_base], data.data(), data.size()); }
    u8* raw(PhysAddr at) { return &m_bytes[at - m_base]; }
    acpi::AcpiMemory memory() { return { &FakeMemory::map, this }; }
    usize map_calls { 0 };

private:
    static u8 const* map(void* context, PhysAddr phys, usize length)
    {
        auto* self = static_cast<FakeMemory*>(context);
        ++self->map_calls;
        if (phys < self->m_base || phys - self->m_base > self->m_bytes.size()
            || length > self->m_bytes.size() - (phys - self->m_base))
            return nullptr;
        return &self->m_bytes[phys - self->m_base];
    }
    PhysAddr m_base;
    Bytes m_bytes;
    usize m_next { 0 };
};

// Root table body of 32- or 64-bit addresses.
inline Bytes root_body(std::vector<u64> const& addresses, bool wide)
{
    Bytes b;
    for (u64 a : addresses) {
        if (wide)
            append64(b, a);
        else
            append32(b, u32(a));
    }
    return b;
}

} // namespace acpi_test
