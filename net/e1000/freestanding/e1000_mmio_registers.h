// E1000MmioRegisters: the e1000 register file through its memory BAR (mapped
// uncached by x86::map_mmio). Kernel-only.
#pragma once

#include "net/e1000/e1000_registers.h"

class E1000MmioRegisters final : public E1000Registers {
public:
    explicit E1000MmioRegisters(void* base)
        : m_base(static_cast<volatile u32*>(base))
    {
    }
    u32 read(u32 offset) override { return m_base[offset / 4]; }
    void write(u32 offset, u32 value) override { m_base[offset / 4] = value; }
    void delay_us(u32 microseconds) override;

private:
    volatile u32* m_base;
};
