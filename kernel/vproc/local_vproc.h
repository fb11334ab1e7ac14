// LocalVproc: VPROC operations on processes that run on this node.
#pragma once

#include "kernel/vproc/vproc.h"

namespace vproc {

class LocalVproc final : public VprocOps {
public:
    Result<void> signal(Pid pid, int signal, Credentials const& sender) override;
};

LocalVproc& local_vproc();

} // namespace vproc
