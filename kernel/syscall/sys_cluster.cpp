// Cluster system calls: unum_cluster_ping (a round trip to another node's
// kernel) and unum_cluster_admission (`nodes pending`, `nodes admit`).
#include "kernel/abi/unum_abi.h"
#include "kernel/cluster/cluster_ping.h"
#include "kernel/lib/vector.h"
#include "kernel/proc/process.h"
#include "kernel/syscall/syscall_families.h"
#include "kernel/syscall/user_ptr.h"
#include "net/bootserver/admission_calls.h"

// (unsigned node, unsigned long payload_size, unsigned long timeout_ms) -> round trip in ns.
Result<u64> sys_cluster_ping(SyscallArgs const& args)
{
    if (args.arg[0] == 0 || args.arg[0] > NodeId::MAX)
        return Error::InvalidArgument;
    return cluster_ping(NodeId(u16(args.arg[0])), usize(args.arg[1]), args.arg[2]);
}

// (int op, const unsigned char mac[6], char* out, unsigned long capacity):
// UNUM_ADMISSION_PENDING writes the waiting machines' lines into out and returns
// their length (mac ignored); UNUM_ADMISSION_ADMIT admits mac (root only).
Result<u64> sys_cluster_admission(SyscallArgs const& args)
{
    switch (int(args.arg[0])) {
    case UNUM_ADMISSION_PENDING: {
        usize capacity = args.arg[3] < UNUM_ADMISSION_TEXT_MAX ? usize(args.arg[3]) : UNUM_ADMISSION_TEXT_MAX;
        Vector<u8> text;
        TRY(text.try_resize(capacity));
        usize length = TRY(net::cluster_pending_machines(reinterpret_cast<char*>(text.data()), capacity));
        TRY(UserPtr<u8>(args.arg[2]).write_array(text.data(), length));
        return length;
    }
    case UNUM_ADMISSION_ADMIT: {
        Process* process = current_process();
        if (!process)
            return Error::NoSuchProcess;
        if (!process->credentials().is_superuser())
            return Error::PermissionDenied;
        net::MacAddress mac;
        TRY(UserPtr<u8>(args.arg[1]).read_array(mac.bytes, sizeof(mac.bytes)));
        TRY(net::cluster_admit_machine(mac));
        return 0;
    }
    default:
        return Error::InvalidArgument;
    }
}
