// E1000Device: an Intel 8254x as a NetDevice — reset, MAC address, the rings,
// interrupt causes, link state and counters — over an E1000Registers and a
// DmaAllocator, so all of it runs in host tests. The kernel glue
// (net/e1000/freestanding/e1000_driver.cpp) adds the PCI function, the IRQ and the
// driver thread that calls service().
// Locking: acknowledge_interrupt() runs in interrupt context and only touches
// atomics. service() runs in one thread at a time (the driver thread). transmit()
// may run in any thread: m_tx_lock guards the TX ring and its counters, and
// service() takes it to reclaim. m_counters_lock guards the RX and hardware totals.
#pragma once

#include <atomic>

#include "kernel/lib/result.h"
#include "kernel/lib/types.h"
#include "kernel/sync/spinlock.h"
#include "net/device/dma_memory.h"
#include "net/device/net_device.h"
#include "net/e1000/e1000_registers.h"
#include "net/e1000/e1000_rx_ring.h"
#include "net/e1000/e1000_tx_ring.h"

class E1000Device final : public net::NetDevice {
public:
    static constexpr usize NAME_CAPACITY = 16;
    static constexpr u32 RESET_POLLS = 1000;  // of 10 us each
    static constexpr u32 EEPROM_POLLS = 1000; // of 5 us each

    // Touches no hardware yet. name is copied ("eth0").
    E1000Device(E1000Registers& registers, net::DmaAllocator& dma, e1000::EepromLayout eeprom, StringView name);
    ~E1000Device() override;

    // Allocates the rings, resets the device, finds the MAC (RAL0/RAH0, else the
    // EEPROM), programs the rings and turns on receive, transmit and interrupts.
    // TimedOut when the reset does not finish; NoDevice without a usable MAC;
    // InvalidArgument or NoMemory from the rings. Once.
    Result<void> start(usize rx_ring_size = E1000RxRing::DEFAULT_SIZE, usize tx_ring_size = E1000TxRing::DEFAULT_SIZE);

    // Interrupt context: reads (and so clears) ICR, which also drops the INTx line.
    // Records the causes for service(); false when the device did not interrupt
    // (a shared line) or has vanished (all-ones reads).
    bool acknowledge_interrupt();
    // Driver thread: handles the recorded causes — with poll_causes, also reads ICR
    // itself, for when interrupts do not arrive (the thread passes it after a quiet
    // wait only, so it seldom takes causes from under the interrupt handler) —
    // reports link changes, delivers received frames (up to one ring's worth) and
    // reclaims finished transmit descriptors. Returns true when it found work.
    bool service(bool poll_causes = true);
    // Adds the device's clear-on-read statistics registers into the totals.
    void fold_hardware_counters() const;

    u64 interrupts() const { return m_interrupts.load(std::memory_order_relaxed); }
    bool has_pending_causes() const { return m_pending_causes.load(std::memory_order_relaxed) != 0; }

    StringView name() const override { return StringView(m_name); }
    net::MacAddress mac() const override { return m_mac; }
    bool link_up() const override { return m_link_up.load(std::memory_order_acquire); }
    net::NetDeviceCounters counters() const override;
    Result<void> transmit(net::NetFragment const* fragments, usize count) override;

private:
    Result<void> reset();
    Result<net::MacAddress> read_mac();
    Result<u16> read_eeprom(u8 address);
    void discard_hardware_counters();
    void update_link();
    static bool deliver_frame(void* context, u8 const* frame, usize length);

    E1000Registers& m_registers;
    net::DmaAllocator& m_dma;
    e1000::EepromLayout m_eeprom;
    char m_name[NAME_CAPACITY] {};
    net::MacAddress m_mac;
    bool m_started = false;
    std::atomic<bool> m_link_up { false };
    std::atomic<u32> m_pending_causes { 0 };
    std::atomic<u64> m_interrupts { 0 };

    E1000RxRing m_rx;
    mutable Spinlock m_tx_lock;
    E1000TxRing m_tx;                       // guarded by m_tx_lock
    net::NetDeviceCounters m_tx_counters;   // guarded by m_tx_lock
    mutable Spinlock m_counters_lock;
    net::NetDeviceCounters m_rx_counters;   // guarded by m_counters_lock
    mutable net::NetDeviceCounters m_hardware_counters; // guarded by m_counters_lock
};
