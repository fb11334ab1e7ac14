// Host fakes for the e1000 ring tests: DMA memory with made-up bus addresses, and a
// register file with just enough of an 8254x behind it to receive frames into the
// RX ring and to "send" what the TX ring holds, the way the hardware would.
#pragma once

#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

#include "net/device/dma_memory.h"
#include "net/e1000/e1000_registers.h"

class FakeDma final : public net::DmaAllocator {
public:
    ~FakeDma() override
    {
        for (auto& [phys, region] : m_regions)
            std::free(region.virt);
    }
    Result<net::DmaRegion> allocate(usize bytes) override
    {
        if (bytes == 0 || fail_allocations)
            return Error::NoMemory;
        usize size = (bytes + 4095) & ~usize(4095);
        void* memory = std::aligned_alloc(4096, size);
        std::memset(memory, 0, size);
        net::DmaRegion region { memory, m_next_phys, size };
        m_regions[m_next_phys] = region;
        m_next_phys += size + 0x10000; // gaps: a stray address lands nowhere
        return region;
    }
    void release(net::DmaRegion const& region) override
    {
        auto it = m_regions.find(region.phys);
        if (it == m_regions.end())
            return;
        std::free(it->second.virt);
        m_regions.erase(it);
    }
    // The memory at bus address phys with room for bytes, or null (a wild DMA).
    u8* translate(PhysAddr phys, usize bytes)
    {
        for (auto& [base, region] : m_regions) {
            if (phys >= base && phys + bytes <= base + region.size)
                return static_cast<u8*>(region.virt) + (phys - base);
        }
        return nullptr;
    }
    usize outstanding() const { return m_regions.size(); }
    bool fail_allocations = false;

private:
    std::map<PhysAddr, net::DmaRegion> m_regions;
    PhysAddr m_next_phys = 0x1'0000'0000ull; // above 4 GiB: checks the high halves
};

class FakeE1000 final : public E1000Registers {
public:
    explicit FakeE1000(FakeDma& dma)
        : m_dma(dma)
    {
        // QEMU's default address, loaded from the EEPROM at reset.
        eeprom[0] = 0x5452, eeprom[1] = 0x0012, eeprom[2] = 0x5634;
        registers[e1000::reg::RAL0] = 0x12005452;
        registers[e1000::reg::RAH0] = 0x5634 | e1000::RAH_AV;
        registers[e1000::reg::STATUS] = e1000::status::LU;
    }

    u32 read(u32 offset) override
    {
        ++reads;
        u32 value = registers[offset];
        if (offset == e1000::reg::ICR || (offset >= e1000::reg::CRCERRS && offset < 0x4100))
            registers[offset] = 0; // clear on read
        if (offset == e1000::reg::CTRL && !reset_sticks)
            registers[offset] &= ~e1000::ctrl::RST;
        return value;
    }
    void write(u32 offset, u32 value) override
    {
        if (offset == e1000::reg::EERD && (value & e1000::EERD_START)) {
            u32 address = (value >> eeprom_layout.address_shift) & 0xFF;
            value = eeprom_answers ? (u32(eeprom[address & 63]) << 16) | eeprom_layout.done_bit : 0;
        }
        if (offset == e1000::reg::IMS) {
            registers[offset] |= value;
            return;
        }
        if (offset == e1000::reg::IMC) {
            registers[e1000::reg::IMS] &= ~value;
            return;
        }
        registers[offset] = value;
    }
    void delay_us(u32) override { }

    void raise(u32 causes) { registers[e1000::reg::ICR] |= causes; }
    void set_link(bool up)
    {
        registers[e1000::reg::STATUS] = up ? e1000::status::LU : 0;
        raise(e1000::cause::LSC);
    }

    // Writes a frame into the next RX buffer the driver gave the device, as the
    // hardware does; false (and MPC counts it) when the ring has no free buffer.
    bool receive(std::vector<u8> const& frame, u8 status = e1000::rx_status::DD | e1000::rx_status::EOP,
        u8 errors = 0, int length_override = -1)
    {
        u32 size = registers[e1000::reg::RDLEN] / 16;
        u32 head = registers[e1000::reg::RDH];
        if (size == 0 || head == registers[e1000::reg::RDT]) {
            ++registers[e1000::reg::MPC];
            return false;
        }
        auto* descriptor = reinterpret_cast<e1000::RxDescriptor*>(m_dma.translate(ring(e1000::reg::RDBAL) + head * 16, 16));
        u8* buffer = m_dma.translate(descriptor->buffer_address, frame.size());
        if (!buffer)
            return false;
        std::memcpy(buffer, frame.data(), frame.size());
        descriptor->length = u16(length_override >= 0 ? length_override : int(frame.size()));
        descriptor->errors = errors;
        descriptor->status = status;
        registers[e1000::reg::RDH] = (head + 1) % size;
        raise(e1000::cause::RXT0);
        return true;
    }

    // Sends every descriptor between TDH and TDT: records the frames and sets DD.
    std::vector<std::vector<u8>> transmit_pending(u8 extra_status = 0)
    {
        std::vector<std::vector<u8>> frames;
        u32 size = registers[e1000::reg::TDLEN] / 16;
        while (size && registers[e1000::reg::TDH] != registers[e1000::reg::TDT]) {
            u32 head = registers[e1000::reg::TDH];
            auto* descriptor = reinterpret_cast<e1000::TxDescriptor*>(m_dma.translate(ring(e1000::reg::TDBAL) + head * 16, 16));
            u8* buffer = m_dma.translate(descriptor->buffer_address, descriptor->length);
            frames.emplace_back(buffer, buffer + descriptor->length);
            last_tx_command = descriptor->command;
            descriptor->status = e1000::tx_status::DD | extra_status;
            registers[e1000::reg::TDH] = (head + 1) % size;
        }
        if (!frames.empty())
            raise(e1000::cause::TXDW);
        return frames;
    }

    std::map<u32, u32> registers;
    u16 eeprom[64] = {};
    e1000::EepromLayout eeprom_layout = e1000::EERD_LARGE;
    bool eeprom_answers = true;
    bool reset_sticks = false;
    u8 last_tx_command = 0;
    u64 reads = 0;

private:
    PhysAddr ring(u32 low_register) { return PhysAddr(registers[low_register]) | PhysAddr(registers[low_register + 4]) << 32; }
    FakeDma& m_dma;
};
