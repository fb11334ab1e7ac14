// The Intel 8254x functions this driver accepts, and what differs between them.
#pragma once

#include "kernel/lib/types.h"
#include "net/e1000/e1000_registers.h"

struct E1000Model {
    u16 device_id;
    char const* name; // "82540EM"
    e1000::EepromLayout eeprom;
};

namespace e1000 {
inline constexpr u16 INTEL_VENDOR_ID = 0x8086;
// The model for vendor:device, or null when it is not an 8254x this driver knows.
E1000Model const* find_model(u16 vendor_id, u16 device_id);
} // namespace e1000
