// AdmissionList: which machines a boot server with `admit=manual` serves. A
// machine's DHCP requests are answered only once an operator admitted its MAC
// (`nodes admit <MAC>` on any member); until then the boot server keeps it on
// the pending list (`nodes pending`) and its PXE ROM keeps retrying. Fixed
// addresses (dhcp_hosts=) only say which address an admitted machine gets.
// Portable and host-tested; the boot services thread and the cluster thread
// share one list under the caller's lock.
#pragma once

#include "kernel/lib/result.h"
#include "kernel/lib/vector.h"
#include "net/device/net_device.h"

namespace net {

struct PendingMachine {
    MacAddress mac;
    u64 first_seen_ms = 0;
    u64 last_seen_ms = 0;
    u32 requests = 0;
};

class AdmissionList {
public:
    static constexpr usize MAX_PENDING = 64;
    static constexpr usize MAX_ADMITTED = 4096;
    // A machine silent this long leaves the pending list (it was switched off).
    static constexpr u64 PENDING_FORGET_MS = 10 * 60 * 1000;

    bool is_admitted(MacAddress mac) const;
    // A request from a machine not admitted: listed (or its entry refreshed).
    // True the first time it is listed, so the caller can log it once. A full
    // list drops the longest-silent machine.
    bool note_request(MacAddress mac, u64 now_ms);
    // Admits mac, pending or not (an operator may admit ahead). Exists when it
    // already was; NoSpace past MAX_ADMITTED; InvalidArgument for a multicast or
    // zero MAC.
    Result<void> admit(MacAddress mac);
    // The pending machines heard from within PENDING_FORGET_MS, oldest first.
    Result<Vector<PendingMachine>> pending(u64 now_ms) const;
    usize admitted_count() const { return m_admitted.size(); }

private:
    Vector<MacAddress> m_admitted;
    Vector<PendingMachine> m_pending;
};

// One /proc / RPC line per pending machine:
//   mac=52:54:00:00:00:04 waiting_s=12 requests=3
inline constexpr usize PENDING_LINE_CAPACITY = 96;
Result<usize> format_pending_line(PendingMachine const& machine, u64 now_ms, char* buffer, usize capacity);

} // namespace net
