// Intel 8254x (e1000) registers, bits and descriptor layouts — the subset this
// driver uses, from the 8254x Software Developer's Manual — and E1000Registers, the
// register-file interface the portable driver works through: MMIO in the kernel
// (net/e1000/freestanding/), a fake register file with a fake device in host tests.
#pragma once

#include "kernel/lib/types.h"

namespace e1000 {

namespace reg {
inline constexpr u32 CTRL = 0x0000;
inline constexpr u32 STATUS = 0x0008;
inline constexpr u32 EERD = 0x0014;
inline constexpr u32 ICR = 0x00C0; // read clears
inline constexpr u32 ITR = 0x00C4;
inline constexpr u32 IMS = 0x00D0;
inline constexpr u32 IMC = 0x00D8;
inline constexpr u32 RCTL = 0x0100;
inline constexpr u32 TCTL = 0x0400;
inline constexpr u32 TIPG = 0x0410;
inline constexpr u32 RDBAL = 0x2800;
inline constexpr u32 RDBAH = 0x2804;
inline constexpr u32 RDLEN = 0x2808;
inline constexpr u32 RDH = 0x2810;
inline constexpr u32 RDT = 0x2818;
inline constexpr u32 RDTR = 0x2820;
inline constexpr u32 TDBAL = 0x3800;
inline constexpr u32 TDBAH = 0x3804;
inline constexpr u32 TDLEN = 0x3808;
inline constexpr u32 TDH = 0x3810;
inline constexpr u32 TDT = 0x3818;
inline constexpr u32 MTA = 0x5200; // 128 dwords
inline constexpr u32 MTA_COUNT = 128;
inline constexpr u32 RAL0 = 0x5400;
inline constexpr u32 RAH0 = 0x5404;
// Statistics: all clear on read.
inline constexpr u32 CRCERRS = 0x4000; // CRC errors
inline constexpr u32 ALGNERRC = 0x4004; // alignment errors
inline constexpr u32 SYMERRS = 0x4008; // symbol errors
inline constexpr u32 RXERRC = 0x400C;  // RX errors
inline constexpr u32 MPC = 0x4010;     // missed packets (no room in the FIFO)
inline constexpr u32 ECOL = 0x4018;    // excessive collisions
inline constexpr u32 LATECOL = 0x4020; // late collisions
inline constexpr u32 RLEC = 0x4040;    // receive length errors
} // namespace reg

namespace ctrl {
inline constexpr u32 LRST = 1u << 3;
inline constexpr u32 ASDE = 1u << 5;
inline constexpr u32 SLU = 1u << 6;
inline constexpr u32 ILOS = 1u << 7;
inline constexpr u32 RST = 1u << 26;
inline constexpr u32 VME = 1u << 30;
inline constexpr u32 PHY_RST = 1u << 31;
} // namespace ctrl

namespace status {
inline constexpr u32 LU = 1u << 1; // link up
}

// Interrupt causes (ICR, IMS, IMC share the bit layout).
namespace cause {
inline constexpr u32 TXDW = 1u << 0;   // a transmit descriptor was written back
inline constexpr u32 LSC = 1u << 2;    // link status change
inline constexpr u32 RXSEQ = 1u << 3;  // receive sequence error
inline constexpr u32 RXDMT0 = 1u << 4; // receive descriptors below threshold
inline constexpr u32 RXO = 1u << 6;    // receiver overrun
inline constexpr u32 RXT0 = 1u << 7;   // receiver timer: frames arrived
inline constexpr u32 ENABLED = TXDW | LSC | RXSEQ | RXDMT0 | RXO | RXT0;
} // namespace cause

namespace rctl {
inline constexpr u32 EN = 1u << 1;
inline constexpr u32 BAM = 1u << 15;       // accept broadcast
inline constexpr u32 BSIZE_2048 = 0;       // bits 17:16 = 00 with BSEX = 0
inline constexpr u32 RDMTS_HALF = 0;       // bits 9:8: threshold at half the ring
inline constexpr u32 SECRC = 1u << 26;     // strip the Ethernet FCS
} // namespace rctl

namespace tctl {
inline constexpr u32 EN = 1u << 1;
inline constexpr u32 PSP = 1u << 3; // pad short packets
inline constexpr u32 CT_SHIFT = 4;
inline constexpr u32 COLD_SHIFT = 12;
inline constexpr u32 RTLC = 1u << 24;
inline constexpr u32 DEFAULT = EN | PSP | (0x0Fu << CT_SHIFT) | (0x40u << COLD_SHIFT) | RTLC;
} // namespace tctl

// IPGT 10, IPGR1 8, IPGR2 6: the manual's values for the copper (IEEE 802.3) parts.
inline constexpr u32 TIPG_COPPER = 10u | (8u << 10) | (6u << 20);

inline constexpr u32 RAH_AV = 1u << 31; // receive address valid

// EERD layouts: 82540/82544/82545/82546 put the address at bit 8 and done at bit 4;
// 82541/82547 at bit 2 and bit 1. Both start at bit 0 and return data in 31:16.
struct EepromLayout {
    u32 address_shift;
    u32 done_bit;
};
inline constexpr EepromLayout EERD_LARGE { 8, 1u << 4 };
inline constexpr EepromLayout EERD_SMALL { 2, 1u << 1 };
inline constexpr u32 EERD_START = 1u << 0;

// Legacy receive descriptor (16 bytes), written back by the device.
struct RxDescriptor {
    u64 buffer_address;
    u16 length;
    u16 checksum;
    u8 status;
    u8 errors;
    u16 special;
};
static_assert(sizeof(RxDescriptor) == 16);

namespace rx_status {
inline constexpr u8 DD = 1u << 0;  // descriptor done
inline constexpr u8 EOP = 1u << 1; // end of packet
} // namespace rx_status
namespace rx_error {
// CRC/alignment, symbol, sequence, carrier extension, RX data error.
inline constexpr u8 FRAME = (1u << 0) | (1u << 1) | (1u << 2) | (1u << 4) | (1u << 7);
}

// Legacy transmit descriptor (16 bytes).
struct TxDescriptor {
    u64 buffer_address;
    u16 length;
    u8 checksum_offset;
    u8 command;
    u8 status;
    u8 checksum_start;
    u16 special;
};
static_assert(sizeof(TxDescriptor) == 16);

namespace tx_command {
inline constexpr u8 EOP = 1u << 0;
inline constexpr u8 IFCS = 1u << 1; // insert the FCS
inline constexpr u8 RS = 1u << 3;   // report status (sets DD when done)
} // namespace tx_command
namespace tx_status {
inline constexpr u8 DD = 1u << 0;
inline constexpr u8 EC = 1u << 1; // excess collisions
inline constexpr u8 LC = 1u << 2; // late collision
} // namespace tx_status

} // namespace e1000

// The device's register file. Implementations: MMIO (kernel), a fake (host tests).
class E1000Registers {
public:
    virtual ~E1000Registers() = default;
    virtual u32 read(u32 offset) = 0;
    virtual void write(u32 offset, u32 value) = 0;
    // Busy-waits about this long (resets and EEPROM reads need short pauses).
    virtual void delay_us(u32 microseconds) = 0;
};
