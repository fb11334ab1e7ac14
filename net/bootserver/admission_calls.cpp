// The admission seam (see admission_calls.h).
#include "net/bootserver/admission_calls.h"

namespace net {
namespace {
AdmissionOperations g_operations; // set once at boot, before programs run
}

void set_admission_operations(AdmissionOperations operations) { g_operations = operations; }

Result<usize> cluster_pending_machines(char* out, usize capacity)
{
    if (!g_operations.pending)
        return Error::NotSupported;
    return g_operations.pending(out, capacity);
}

Result<void> cluster_admit_machine(MacAddress mac)
{
    if (!g_operations.admit)
        return Error::NotSupported;
    return g_operations.admit(mac);
}

} // namespace net
