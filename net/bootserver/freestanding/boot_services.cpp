// The boot services' thread: DhcpServer and TftpServer on lwIP netconns (see
// boot_services.h). Everything they own is touched only by this thread; the
// netconns' event callback (tcpip thread) just posts the wakeup semaphore, and
// the listing for /proc is a snapshot taken under a mutex.
#include "net/bootserver/freestanding/boot_services.h"

#include <new>

#include "kernel/arch/time.h"
#include "kernel/lib/format.h"
#include "kernel/lib/string.h"
#include "kernel/log/klog.h"
#include "kernel/proc/local_info_providers.h"
#include "kernel/proc/system_vfs.h"
#include "kernel/sched/scheduler.h"
#include "kernel/sync/mutex.h"
#include "kernel/sync/semaphore.h"
#include "lwip/api.h"
#include "lwip/ip.h"
#include "lwip/netbuf.h"
#include "lwip/tcpip.h"
#include "net/bootserver/dhcp_config.h"
#include "net/bootserver/dhcp_server.h"
#include "net/bootserver/freestanding/boot_admission.h"
#include "net/bootserver/netboot_config.h"
#include "net/bootserver/tftp_server.h"
#include "net/bootserver/vfs_tftp_file_source.h"
#include "net/stack/interface_list.h"

namespace net {
namespace {

constexpr u64 IDLE_WAIT_MS = 100;
constexpr u64 LISTING_INTERVAL_MS = 500;
constexpr usize MAX_DATAGRAMS_PER_PASS = 64;
constexpr usize MAX_TRANSFER_SOCKETS = 16;
constexpr usize DATAGRAM_CAPACITY = 2048;

Semaphore g_wakeup;
DhcpServerConfig* g_dhcp_config = nullptr; // parsed at start, handed to the thread
// This cluster's options for the netboot grub.cfg ("cluster=NAME key=HEX").
char g_netboot_options[NETBOOT_OPTIONS_MAX + 1];
Mutex g_listing_lock;
Vector<u8> g_listing; // guarded by g_listing_lock

u8 g_datagram[DATAGRAM_CAPACITY];
u8 g_reply[DATAGRAM_CAPACITY];

u64 now_ms() { return arch::monotonic_ns() / 1000000; }

void on_netconn_event(netconn*, netconn_evt event, u16_t)
{
    if (event == NETCONN_EVT_RCVPLUS || event == NETCONN_EVT_ERROR)
        g_wakeup.post();
}

ip_addr_t lwip_address(Ipv4Address address)
{
    ip_addr_t result;
    ip_addr_set_ip4_u32(&result, lwip_htonl(address.to_u32()));
    return result;
}

netconn* open_udp(u16 port, bool broadcast)
{
    netconn* connection = netconn_new_with_callback(NETCONN_UDP, on_netconn_event);
    if (!connection)
        return nullptr;
    netconn_set_nonblocking(connection, 1);
    if (netconn_bind(connection, IP4_ADDR_ANY, port) != ERR_OK) {
        netconn_delete(connection);
        return nullptr;
    }
    if (broadcast) {
        LOCK_TCPIP_CORE();
        ip_set_option(connection->pcb.ip, SOF_BROADCAST);
        UNLOCK_TCPIP_CORE();
    }
    return connection;
}

void send_udp(netconn* connection, Ipv4Address to, u16 port, u8 const* bytes, usize size)
{
    netbuf* buffer = netbuf_new();
    if (!buffer)
        return; // lost: DHCP clients and TFTP both retry
    if (netbuf_ref(buffer, bytes, u16_t(size)) == ERR_OK) {
        ip_addr_t address = lwip_address(to);
        (void)netconn_sendto(connection, buffer, &address, port);
    }
    netbuf_delete(buffer);
}

// One datagram waiting on connection, copied into g_datagram: its size and sender.
bool receive_udp(netconn* connection, usize& size, Ipv4Address& from, u16& port)
{
    netbuf* buffer = nullptr;
    if (netconn_recv(connection, &buffer) != ERR_OK || !buffer)
        return false;
    size = netbuf_copy(buffer, g_datagram, sizeof(g_datagram));
    from = Ipv4Address::from_u32(lwip_ntohl(ip4_addr_get_u32(ip_2_ip4(netbuf_fromaddr(buffer)))));
    port = netbuf_fromport(buffer);
    netbuf_delete(buffer);
    return true;
}

// TftpTransport on netconns: port 69 for requests, one ephemeral port per transfer.
class LwipTftpTransport final : public TftpTransport {
public:
    explicit LwipTftpTransport(netconn* request)
        : m_request(request)
    {
    }

    Result<void> open_socket(TftpTransferId id) override
    {
        for (auto& slot : m_slots) {
            if (slot.connection)
                continue;
            slot.connection = open_udp(0, false);
            if (!slot.connection)
                return Error::NoBufferSpace;
            slot.id = id;
            return {};
        }
        return Error::Busy;
    }

    void close_socket(TftpTransferId id) override
    {
        for (auto& slot : m_slots) {
            if (slot.connection && slot.id == id) {
                netconn_delete(slot.connection);
                slot = Slot {};
            }
        }
    }

    void send(TftpTransferId socket, TftpEndpoint to, u8 const* bytes, usize size) override
    {
        if (netconn* connection = connection_of(socket))
            send_udp(connection, to.address, to.port, bytes, size);
    }

    // Feeds server every datagram waiting on the request port and the transfers' ports.
    void drain(TftpServer& server, u64 now)
    {
        drain_one(server, TFTP_REQUEST_SOCKET, m_request, now);
        for (auto& slot : m_slots) {
            if (slot.connection)
                drain_one(server, slot.id, slot.connection, now);
        }
    }

private:
    struct Slot {
        TftpTransferId id { 0 };
        netconn* connection { nullptr };
    };

    netconn* connection_of(TftpTransferId socket)
    {
        if (socket == TFTP_REQUEST_SOCKET)
            return m_request;
        for (auto& slot : m_slots) {
            if (slot.connection && slot.id == socket)
                return slot.connection;
        }
        return nullptr;
    }

    void drain_one(TftpServer& server, TftpTransferId socket, netconn* connection, u64 now)
    {
        usize size = 0;
        TftpEndpoint from;
        for (usize i = 0; i < MAX_DATAGRAMS_PER_PASS && connection_of(socket) == connection; ++i) {
            if (!receive_udp(connection, size, from.address, from.port))
                return;
            server.handle(socket, from, g_datagram, size, now);
        }
    }

    netconn* m_request;
    Slot m_slots[MAX_TRANSFER_SOCKETS];
};

void append_line(Vector<u8>& out, char const* line) { (void)out.try_append(reinterpret_cast<u8 const*>(line), strlen(line)); }

void publish_listing(DhcpServer const& dhcp, TftpServer const& tftp, u64 now)
{
    Vector<u8> text;
    char line[TFTP_STATUS_LINE_CAPACITY];
    append_line(text, "dhcp ");
    if (!format_dhcp_counters_line(dhcp.counters(), line, sizeof(line)).is_error())
        append_line(text, line);
    if (auto leases = dhcp.leases(now); !leases.is_error()) {
        for (auto const& lease : leases.value()) {
            append_line(text, "lease ");
            if (!format_dhcp_lease_line(lease, line, sizeof(line)).is_error())
                append_line(text, line);
        }
    }
    append_line(text, "tftp ");
    if (!format_tftp_counters_line(tftp.counters(), line, sizeof(line)).is_error())
        append_line(text, line);
    if (auto transfers = tftp.transfers(now); !transfers.is_error()) {
        for (auto const& transfer : transfers.value()) {
            append_line(text, "transfer ");
            if (!format_tftp_transfer_line(transfer, line, sizeof(line)).is_error())
                append_line(text, line);
        }
    }
    MutexLocker locker(g_listing_lock);
    g_listing = std::move(text);
}

bool eth0_has(Ipv4Address address)
{
    auto eth0 = find_interface("eth0"_sv);
    return !eth0.is_error() && eth0.value().link_up && eth0.value().inet == address;
}

[[noreturn]] void run(void*)
{
    DhcpServerConfig& config = *g_dhcp_config;
    while (!eth0_has(config.server_address))
        sched::sleep_ms(200);
    auto dhcp = DhcpServer::create(std::move(config));
    netconn* dhcp_socket = open_udp(DHCP_SERVER_PORT, true);
    netconn* tftp_socket = open_udp(TFTP_SERVER_PORT, false);
    Vfs* vfs = system_vfs();
    if (dhcp.is_error() || !dhcp_socket || !tftp_socket || !vfs) {
        log_error("bootserver: cannot start (%s; ports 67/69 %s)", dhcp.is_error() ? error_name(dhcp.error()) : "ok",
            dhcp_socket && tftp_socket ? "bound" : "unavailable");
        sched::thread_exit_current();
    }
    static VfsTftpFileSource tree(*vfs);
    static ConfiguredTftpFileSource files(tree, StringView(g_netboot_options));
    static LwipTftpTransport transport(tftp_socket);
    // GRUB asks for "/boot/grub/..." (from its device root): read from the tree's
    // root, as tftpd-hpa --secure does; ".." stays refused.
    TftpServerConfig tftp_config;
    tftp_config.path_policy.allow_leading_slash = true;
    auto tftp = TftpServer::create(tftp_config, files, transport);
    if (tftp.is_error()) {
        log_error("bootserver: TFTP server: %s", error_name(tftp.error()));
        sched::thread_exit_current();
    }
    Ipv4Address self = dhcp.value()->server_address();
    log_info("bootserver: DHCP and TFTP for the netboot tree at %.*s on %u.%u.%u.%u%s", int(NETBOOT_TREE_PATH.length()),
        NETBOOT_TREE_PATH.characters(), self.octets[0], self.octets[1], self.octets[2], self.octets[3],
        boot_admission_is_manual() ? " (admit=manual)" : "");

    u64 next_listing = 0;
    for (;;) {
        u64 now = now_ms();
        usize size = 0;
        Ipv4Address from;
        u16 port = 0;
        for (usize i = 0; i < MAX_DATAGRAMS_PER_PASS && receive_udp(dhcp_socket, size, from, port); ++i) {
            if (!boot_admission_allows(g_datagram, size, now))
                continue;
            auto reply = dhcp.value()->handle(g_datagram, size, now, g_reply, sizeof(g_reply));
            if (reply.is_error() || !reply.value().has_reply())
                continue;
            DhcpReply const& sent = reply.value();
            send_udp(dhcp_socket, sent.destination, sent.destination_port, g_reply, sent.size);
            if (sent.type == DhcpMessageType::Ack && sent.address.to_u32() != 0)
                log_info("bootserver: leased %u.%u.%u.%u", sent.address.octets[0], sent.address.octets[1],
                    sent.address.octets[2], sent.address.octets[3]);
        }
        transport.drain(*tftp.value(), now);
        tftp.value()->on_tick(now);
        if (now >= next_listing) {
            publish_listing(*dhcp.value(), *tftp.value(), now);
            next_listing = now + LISTING_INTERVAL_MS;
        }
        u64 wait = IDLE_WAIT_MS;
        if (auto deadline = tftp.value()->next_deadline_ms(); deadline)
            wait = *deadline > now ? (*deadline - now < wait ? *deadline - now : wait) : 0;
        if (wait)
            (void)g_wakeup.wait(wait);
        while (g_wakeup.try_wait()) {
        }
    }
}

bool wanted(CommandLine const& command_line)
{
    if (command_line.has("nobootserver"))
        return false;
    if (command_line.has("bootserver"))
        return true;
    return command_line.has("node") && command_line.get("node") == StringView("1");
}

} // namespace

void boot_services_start(CommandLine const& command_line)
{
    boot_admission_install();
    if (!wanted(command_line))
        return;
    char const* problem = nullptr;
    auto interface = ip_config_from_command_line(command_line, &problem);
    if (interface.is_error() || interface.value().mode != InterfaceConfigMode::Static) {
        log_warn("bootserver: needs a static address (ip=A.B.C.D/N); the boot services stay off");
        return;
    }
    auto config = dhcp_server_config_from_command_line(command_line, interface.value(), &problem);
    if (config.is_error()) {
        log_error("bootserver: bad %s=; the boot services stay off", problem ? problem : "option");
        return;
    }
    // A netbooted machine joins this node's cluster, under its key (the default
    // development key when this node has none).
    usize length = 0;
    if (command_line.has("cluster"))
        length += format(g_netboot_options + length, sizeof(g_netboot_options) - length, "cluster=%.*s ",
            int(command_line.get("cluster").length()), command_line.get("cluster").characters());
    if (command_line.has("key"))
        length += format(g_netboot_options + length, sizeof(g_netboot_options) - length, "key=%.*s",
            int(command_line.get("key").length()), command_line.get("key").characters());
    if (length >= sizeof(g_netboot_options)) {
        log_error("bootserver: cluster= and key= too long for the netboot configuration; the boot services stay off");
        return;
    }
    while (length > 0 && g_netboot_options[length - 1] == ' ')
        g_netboot_options[--length] = '\0';
    boot_admission_configure(command_line);
    g_dhcp_config = new (std::nothrow) DhcpServerConfig(config.release_value());
    if (!g_dhcp_config) {
        log_error("bootserver: out of memory");
        return;
    }
    set_boot_services_lister(boot_services_listing);
    auto thread = Thread::create("bootserver", run, nullptr, sched::PRIORITY_NORMAL + 2);
    if (thread.is_error())
        log_error("bootserver: cannot start its thread: %s", error_name(thread.error()));
}

Result<Vector<u8>> boot_services_listing()
{
    MutexLocker locker(g_listing_lock);
    return g_listing.try_clone();
}

} // namespace net
