// The null and echo RPC services (RpcService::Null and ::Echo), for tests and
// benchmarks: every node registers them.
#pragma once

#include "kernel/cluster/rpc_endpoint.h"

Result<void> register_rpc_test_services(RpcEndpoint& endpoint);
