// iperf_server_start (see network_stack.h): lwIP's lwiperf, an iperf2-compatible
// TCP server on the raw API, inside the tcpip thread. Each finished test is
// logged, so `make bench` can read the rate from the node's console.
#include "kernel/log/klog.h"
#include "lwip/apps/lwiperf.h"
#include "lwip/ip_addr.h"
#include "lwip/tcpip.h"
#include "net/stack/network_stack.h"

namespace net {

namespace {

void* g_server = nullptr; // guarded by the core lock

char const* report_name(enum lwiperf_report_type type)
{
    switch (type) {
    case LWIPERF_TCP_DONE_SERVER:
        return "done";
    case LWIPERF_TCP_ABORTED_LOCAL:
    case LWIPERF_TCP_ABORTED_LOCAL_DATAERROR:
    case LWIPERF_TCP_ABORTED_LOCAL_TXERROR:
        return "aborted here";
    case LWIPERF_TCP_ABORTED_REMOTE:
        return "aborted by the client";
    default:
        return "finished";
    }
}

void report(void*, enum lwiperf_report_type type, ip_addr_t const*, u16_t, ip_addr_t const* remote_address,
    u16_t remote_port, u32_t bytes_transferred, u32_t ms_duration, u32_t bandwidth_kbitpsec)
{
    char remote[IP4ADDR_STRLEN_MAX];
    ip4addr_ntoa_r(ip_2_ip4(remote_address), remote, sizeof(remote));
    log_info("iperf: %s from %s:%u, %u bytes in %u ms, %u kbit/s", report_name(type), remote,
        unsigned(remote_port), unsigned(bytes_transferred), unsigned(ms_duration), unsigned(bandwidth_kbitpsec));
}

} // namespace

Result<void> iperf_server_start(u16 port)
{
    if (!network_is_running())
        return Error::NetworkDown;
    LOCK_TCPIP_CORE();
    bool running = g_server != nullptr;
    if (!running)
        g_server = lwiperf_start_tcp_server(IP_ADDR_ANY, port, report, nullptr);
    void* server = g_server;
    UNLOCK_TCPIP_CORE();
    if (running)
        return Error::Exists;
    if (!server)
        return Error::NoMemory;
    log_info("iperf: server listening on port %u", unsigned(port));
    return {};
}

} // namespace net
