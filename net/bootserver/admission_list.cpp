// The admission list of a boot server with admit=manual (see admission_list.h).
#include "net/bootserver/admission_list.h"

#include "kernel/lib/format.h"

namespace net {
namespace {

bool is_usable(MacAddress mac)
{
    bool zero = true;
    for (u8 byte : mac.bytes)
        zero = zero && byte == 0;
    return !zero && (mac.bytes[0] & 1) == 0;
}

} // namespace

bool AdmissionList::is_admitted(MacAddress mac) const
{
    for (auto const& admitted : m_admitted) {
        if (admitted == mac)
            return true;
    }
    return false;
}

bool AdmissionList::note_request(MacAddress mac, u64 now_ms)
{
    for (auto& machine : m_pending) {
        if (machine.mac == mac) {
            bool returned = now_ms - machine.last_seen_ms >= PENDING_FORGET_MS;
            if (returned) {
                machine.first_seen_ms = now_ms;
                machine.requests = 0;
            }
            machine.last_seen_ms = now_ms;
            ++machine.requests;
            return returned;
        }
    }
    if (m_pending.size() == MAX_PENDING) {
        usize oldest = 0;
        for (usize i = 1; i < m_pending.size(); ++i) {
            if (m_pending[i].last_seen_ms < m_pending[oldest].last_seen_ms)
                oldest = i;
        }
        m_pending.remove(oldest);
    }
    (void)m_pending.try_append(PendingMachine { mac, now_ms, now_ms, 1 });
    return true;
}

Result<void> AdmissionList::admit(MacAddress mac)
{
    if (!is_usable(mac))
        return Error::InvalidArgument;
    if (is_admitted(mac))
        return Error::Exists;
    if (m_admitted.size() == MAX_ADMITTED)
        return Error::NoSpace;
    TRY(m_admitted.try_append(mac));
    for (usize i = 0; i < m_pending.size(); ++i) {
        if (m_pending[i].mac == mac) {
            m_pending.remove(i);
            break;
        }
    }
    return {};
}

Result<Vector<PendingMachine>> AdmissionList::pending(u64 now_ms) const
{
    Vector<PendingMachine> out;
    for (auto const& machine : m_pending) {
        if (now_ms - machine.last_seen_ms < PENDING_FORGET_MS)
            TRY(out.try_append(machine));
    }
    // Oldest first (insertion order is not: a returning machine keeps its slot).
    for (usize i = 1; i < out.size(); ++i) {
        for (usize j = i; j > 0 && out[j].first_seen_ms < out[j - 1].first_seen_ms; --j) {
            PendingMachine swap = out[j];
            out[j] = out[j - 1];
            out[j - 1] = swap;
        }
    }
    return out;
}

Result<usize> format_pending_line(PendingMachine const& machine, u64 now_ms, char* buffer, usize capacity)
{
    u8 const* mac = machine.mac.bytes;
    u64 waiting = now_ms > machine.first_seen_ms ? (now_ms - machine.first_seen_ms) / 1000 : 0;
    usize length = format(buffer, capacity, "mac=%02x:%02x:%02x:%02x:%02x:%02x waiting_s=%llu requests=%u\n", mac[0],
        mac[1], mac[2], mac[3], mac[4], mac[5], (unsigned long long)waiting, unsigned(machine.requests));
    if (length + 1 > capacity)
        return Error::NoSpace;
    return length;
}

} // namespace net
