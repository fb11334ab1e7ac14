// Null RPC (empty reply) and echo (the payload back).
#include "kernel/cluster/rpc_test_services.h"

namespace {

void null_rpc(void*, RpcEndpoint& endpoint, RpcReplyToken token, u8 const*, usize)
{
    endpoint.reply(token, nullptr, 0);
}

void echo_rpc(void*, RpcEndpoint& endpoint, RpcReplyToken token, u8 const* payload, usize size)
{
    endpoint.reply(token, payload, size);
}

} // namespace

Result<void> register_rpc_test_services(RpcEndpoint& endpoint)
{
    TRY(endpoint.register_handler(u16(RpcService::Null), 0, null_rpc, nullptr));
    TRY(endpoint.register_handler(u16(RpcService::Echo), 0, echo_rpc, nullptr));
    return {};
}
