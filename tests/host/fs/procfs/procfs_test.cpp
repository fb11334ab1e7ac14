// Procfs mounted on /proc over fake providers: listing, lookup, each file's
// text, processes vanishing under a reader, truncation and partial reads.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "fs/procfs/procfs.h"
#include "tests/host/fs/fs_test_support.h"
#include "tests/host/fs/procfs/fake_info_providers.h"

namespace {

using namespace std::string_literals;

FakeProcess ticker()
{
    FakeProcess process;
    process.pid = 7;
    process.ppid = 1;
    process.pgid = 7;
    process.sid = 1;
    process.node = 2;
    process.uid = 1000;
    process.gid = 100;
    process.state = 'S';
    process.name = "ticker";
    process.cmdline = "ticker\0--fast\0"s;
    process.cpu_time_ns = 1'234'567'890;
    process.start_time_ns = 5'000'000'000;
    process.resident_pages = 25;
    process.virtual_size_bytes = 8 * MiB;
    return process;
}

FakeProcess init_process()
{
    FakeProcess process;
    process.pid = 1;
    process.pgid = 1;
    process.sid = 1;
    process.state = 'R';
    process.name = "init";
    process.cmdline = "/bin/init\0"s;
    return process;
}

CpuInfo make_cpu(u32 node, char const* vendor, char const* model_name, char const* flags)
{
    CpuInfo cpu;
    cpu.node = node;
    cpu.family = 6;
    cpu.model = 158;
    cpu.stepping = 10;
    std::strncpy(cpu.vendor_id, vendor, sizeof(cpu.vendor_id) - 1);
    std::strncpy(cpu.model_name, model_name, sizeof(cpu.model_name) - 1);
    std::strncpy(cpu.flags, flags, sizeof(cpu.flags) - 1);
    return cpu;
}

struct ProcFixture : VfsFixture {
    ProcFixture()
    {
        REQUIRE(mkdir("/proc") == Error::None);
        processes = new FakeProcessProvider();
        system = new FakeSystemProvider();
        processes->add(init_process());
        processes->add(ticker());
        auto made = Procfs::create(OwnPtr<ProcessInfoProvider>(processes), OwnPtr<SystemInfoProvider>(system));
        REQUIRE(!made.is_error());
        procfs = made.release_value();
        REQUIRE(!vfs->mount("/proc", *procfs, Credentials::root(), root()).is_error());
    }

    Result<NonnullRefPtr<OpenFileDescription>> open(char const* path, u32 flags = OpenFlag::ReadOnly,
        Credentials creds = Credentials::root())
    {
        return vfs->open(path, flags, 0, creds, root());
    }

    // Every entry name of a directory, read capacity entries per call.
    std::vector<std::string> list(char const* path, usize capacity = 64)
    {
        auto directory = open(path, OpenFlag::ReadOnly | OpenFlag::Directory);
        REQUIRE(!directory.is_error());
        std::vector<std::string> names;
        std::vector<DirectoryEntry> entries(capacity);
        for (;;) {
            auto count = directory.value()->read_directory(entries.data(), capacity);
            REQUIRE(!count.is_error());
            if (count.value() == 0)
                return names;
            for (usize i = 0; i < count.value(); ++i)
                names.emplace_back(entries[i].name, entries[i].name_length);
        }
    }

    // The rest of an open file, read chunk bytes at a time.
    static std::string read_all(OpenFileDescription& file, usize chunk = 97)
    {
        std::string out;
        std::vector<u8> buffer(chunk);
        for (;;) {
            auto done = file.read(buffer.data(), chunk);
            REQUIRE(!done.is_error());
            if (done.value() == 0)
                return out;
            out.append(reinterpret_cast<char*>(buffer.data()), done.value());
        }
    }

    FakeProcessProvider* processes { nullptr }; // owned by procfs
    FakeSystemProvider* system { nullptr };     // owned by procfs
    RefPtr<Procfs> procfs;
};

} // namespace

TEST_CASE("procfs refuses to be made without providers", "[procfs]")
{
    REQUIRE(Procfs::create(nullptr, make_own<FakeSystemProvider>().release_value()).error()
        == Error::InvalidArgument);
    REQUIRE(Procfs::create(make_own<FakeProcessProvider>().release_value(), nullptr).error()
        == Error::InvalidArgument);
}

TEST_CASE("/proc lists its files and every PID, sorted and once each", "[procfs]")
{
    ProcFixture f;
    f.processes->extra_listed_pids = { 7, -3, 0 }; // a duplicate and nonsense
    std::vector<std::string> expected { ".", "..", "meminfo", "uptime", "cpuinfo", "pci", "net", "cluster", "1", "7" };
    REQUIRE(f.list("/proc") == expected);
    // One entry per getdents call: the cookies resume in the right place.
    REQUIRE(f.list("/proc", 1) == expected);
    REQUIRE(f.list("/proc", 4) == expected);
    // Dot entries and /proc's own files need no provider call.
    int before = f.processes->list_calls;
    auto directory = f.open("/proc", OpenFlag::ReadOnly | OpenFlag::Directory).release_value();
    DirectoryEntry entries[5];
    REQUIRE(directory->read_directory(entries, 5).value() == 5);
    REQUIRE(f.processes->list_calls == before);
    REQUIRE(entries[5 - 1].name_view() == "cpuinfo"_sv);
    REQUIRE(directory->read_directory(entries, 5).value() == 5);
    REQUIRE(entries[1].name_view() == "net"_sv);
    REQUIRE(entries[1].kind == VnodeKind::Directory);
    REQUIRE(entries[2].name_view() == "cluster"_sv);
    REQUIRE(entries[2].kind == VnodeKind::Directory);
    REQUIRE(entries[4].name_view() == "7"_sv);
    REQUIRE(entries[4].kind == VnodeKind::Directory);
    REQUIRE(entries[4].inode == f.vfs->stat("/proc/7", Credentials::root(), f.root()).value().inode);

    REQUIRE(f.list("/proc/7") == std::vector<std::string> { ".", "..", "stat", "status", "cmdline" });
}

TEST_CASE("/proc readdir resumes after the last PID when the list changes", "[procfs]")
{
    ProcFixture f;
    FakeProcess late = ticker();
    late.pid = 3;
    f.processes->add(late);
    auto directory = f.open("/proc", OpenFlag::ReadOnly | OpenFlag::Directory).release_value();
    DirectoryEntry entries[1];
    // Up to and including the first PID, however many files /proc itself has.
    while (directory->read_directory(entries, 1).value() == 1 && entries[0].name_view() != "1"_sv) { }
    REQUIRE(entries[0].name_view() == "1"_sv);
    // 1 exits, 2 appears behind the cursor, 3 stays, 9 appears ahead of it.
    f.processes->processes.erase(1);
    late.pid = 2;
    f.processes->add(late);
    late.pid = 9;
    f.processes->add(late);
    std::vector<std::string> rest;
    for (;;) {
        usize count = directory->read_directory(entries, 1).value();
        if (count == 0)
            break;
        rest.emplace_back(entries[0].name, entries[0].name_length);
    }
    REQUIRE(rest == std::vector<std::string> { "2", "3", "7", "9" });
}

TEST_CASE("/proc lookups: PIDs, files, owners and modes", "[procfs]")
{
    ProcFixture f;
    auto root = Credentials::root();
    auto directory = f.vfs->stat("/proc/7", root, f.root()).value();
    REQUIRE(directory.mode == (FileMode::Directory | 0555));
    REQUIRE(directory.uid == 1000);
    REQUIRE(directory.gid == 100);
    for (char const* path : { "/proc/7/stat", "/proc/7/status", "/proc/7/cmdline" }) {
        auto file = f.vfs->stat(path, root, f.root()).value();
        REQUIRE(file.mode == (FileMode::Regular | 0444));
        REQUIRE(file.uid == 1000);
        REQUIRE(file.size == 0);
    }
    auto meminfo = f.vfs->stat("/proc/meminfo", root, f.root()).value();
    REQUIRE(meminfo.mode == (FileMode::Regular | 0444));
    REQUIRE(meminfo.uid == 0);
    REQUIRE(f.vfs->stat("/proc", root, f.root()).value().mode == (FileMode::Directory | 0555));

    for (char const* missing : { "/proc/8", "/proc/007", "/proc/+7", "/proc/-1", "/proc/0", "/proc/7x",
             "/proc/99999999999", "/proc/self", "/proc/7/nope", "/proc/7/stat/x" }) {
        INFO(missing);
        Error expected = std::string(missing) == "/proc/7/stat/x" ? Error::NotDirectory : Error::NoEntry;
        REQUIRE(f.resolve_error(missing) == expected);
    }
    // "..": up out of a process directory and out of the mount.
    auto up = f.vfs->resolve("/proc/7/..", f.root(), root).value();
    REQUIRE(up->is_same(*f.procfs->root()));
    REQUIRE(f.vfs->resolve("/proc/..", f.root(), root).value()->is_same(f.root()));
    // Same inode for the same file in every lookup; getcwd finds the PID's name.
    auto first = f.vfs->resolve("/proc/7/status", f.root(), root).value();
    auto second = f.vfs->resolve("/proc/7/status", f.root(), root).value();
    REQUIRE(first->is_same(*second));
    auto cwd = f.vfs->chdir("/proc/7", root, f.root()).value();
    char path[64];
    REQUIRE(!f.vfs->getcwd(*cwd, path, sizeof(path)).is_error());
    REQUIRE(std::string(path) == "/proc/7");
}

TEST_CASE("/proc/<pid>/stat is Linux's line", "[procfs]")
{
    ProcFixture f;
    REQUIRE(f.read_file("/proc/7/stat") == "7 (ticker) S 1 7 1 0 -1 0 0 0 0 0 123 0 0 0 20 0 1 0 500 8388608 25\n");
    REQUIRE(f.read_file("/proc/1/stat") == "1 (init) R 0 1 1 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 0 0 0\n");
}

TEST_CASE("/proc/<pid>/status has Linux's keys plus the node", "[procfs]")
{
    ProcFixture f;
    REQUIRE(f.read_file("/proc/7/status")
        == "Name:\tticker\n"
           "State:\tS (sleeping)\n"
           "Tgid:\t7\n"
           "Pid:\t7\n"
           "PPid:\t1\n"
           "Uid:\t1000\t1000\t1000\t1000\n"
           "Gid:\t100\t100\t100\t100\n"
           "PGid:\t7\n"
           "Sid:\t1\n"
           "Node:\t2\n"
           "VmSize:\t    8192 kB\n"
           "VmRSS:\t     100 kB\n"
           "CpuTimeMs:\t1234\n");
    f.processes->processes[7].state = 'Z';
    REQUIRE(f.read_file("/proc/7/status").find("State:\tZ (zombie)\n") != std::string::npos);
    f.processes->processes[7].state = 'T';
    REQUIRE(f.read_file("/proc/7/status").find("State:\tT (stopped)\n") != std::string::npos);
    f.processes->processes[7].state = 'R';
    REQUIRE(f.read_file("/proc/7/status").find("State:\tR (running)\n") != std::string::npos);
    f.processes->processes[7].state = 'Q';
    REQUIRE(f.read_file("/proc/7/status").find("State:\tQ (unknown)\n") != std::string::npos);
}

TEST_CASE("/proc/<pid>/cmdline gives the argument bytes", "[procfs]")
{
    ProcFixture f;
    REQUIRE(f.read_file("/proc/7/cmdline") == "ticker\0--fast\0"s);
    f.processes->processes[7].cmdline.clear();
    REQUIRE(f.read_file("/proc/7/cmdline").empty());
}

TEST_CASE("meminfo, uptime and cpuinfo", "[procfs]")
{
    ProcFixture f;
    REQUIRE(f.read_file("/proc/meminfo")
        == "MemTotal:         524288 kB\n"
           "MemFree:          307200 kB\n"
           "MemAvailable:     409600 kB\n");
    REQUIRE(f.read_file("/proc/uptime") == "12345.67 2.00\n");
    f.system->uptime_info = { 5'000'000, 0 };
    REQUIRE(f.read_file("/proc/uptime") == "0.00 0.00\n");

    REQUIRE(f.read_file("/proc/cpuinfo").empty());
    f.system->cpu_list.push_back(make_cpu(1, "GenuineIntel", "Intel(R) Test CPU", "fpu sse2 avx2"));
    f.system->cpu_list.push_back(make_cpu(2, "AuthenticAMD", "AMD Test CPU", "fpu sse2"));
    REQUIRE(f.read_file("/proc/cpuinfo")
        == "processor\t: 0\n"
           "vendor_id\t: GenuineIntel\n"
           "cpu family\t: 6\n"
           "model\t\t: 158\n"
           "model name\t: Intel(R) Test CPU\n"
           "stepping\t: 10\n"
           "node\t\t: 1\n"
           "flags\t\t: fpu sse2 avx2\n"
           "\n"
           "processor\t: 1\n"
           "vendor_id\t: AuthenticAMD\n"
           "cpu family\t: 6\n"
           "model\t\t: 158\n"
           "model name\t: AMD Test CPU\n"
           "stepping\t: 10\n"
           "node\t\t: 2\n"
           "flags\t\t: fpu sse2\n"
           "\n");
}

TEST_CASE("/proc/net/interfaces has one line per interface", "[procfs]")
{
    ProcFixture f;
    REQUIRE(f.list("/proc/net") == std::vector<std::string> { ".", "..", "interfaces", "stats", "bootserver" });
    REQUIRE(f.list("/proc/net", 1) == std::vector<std::string> { ".", "..", "interfaces", "stats", "bootserver" });
    REQUIRE(f.vfs->stat("/proc/net", Credentials::root(), f.root()).value().inode
        == f.vfs->stat("/proc/net/.", Credentials::root(), f.root()).value().inode);
    REQUIRE(f.vfs->stat("/proc/net/..", Credentials::root(), f.root()).value().inode
        == f.vfs->stat("/proc", Credentials::root(), f.root()).value().inode);
    REQUIRE(f.read_file("/proc/net/interfaces").empty());
    REQUIRE(f.read_file("/proc/net/bootserver").empty()); // no boot services
    REQUIRE(f.vfs->stat("/proc/net/nothing", Credentials::root(), f.root()).error() == Error::NoEntry);

    net::InterfaceInfo lo;
    net::set_interface_name(lo, "lo"_sv);
    lo.inet = { { 127, 0, 0, 1 } };
    lo.netmask = { { 255, 0, 0, 0 } };
    lo.mtu = 65535;
    lo.link_up = true;
    net::InterfaceInfo eth0;
    net::set_interface_name(eth0, "eth0"_sv);
    eth0.mac = { { 0x52, 0x54, 0x00, 0x00, 0x00, 0x01 } };
    eth0.inet = { { 10, 77, 0, 1 } };
    eth0.netmask = { { 255, 255, 255, 0 } };
    eth0.mtu = 1500;
    eth0.config = net::InterfaceConfigMode::Static;
    eth0.counters.rx_packets = 12;
    f.system->interfaces = { lo, eth0 };
    REQUIRE(f.read_file("/proc/net/interfaces")
        == "name=lo mac=00:00:00:00:00:00 inet=127.0.0.1 netmask=255.0.0.0 gateway=0.0.0.0 mtu=65535 link=up "
           "config=none rx_packets=0 rx_bytes=0 rx_errors=0 rx_dropped=0 tx_packets=0 tx_bytes=0 tx_errors=0 "
           "tx_dropped=0\n"
           "name=eth0 mac=52:54:00:00:00:01 inet=10.77.0.1 netmask=255.255.255.0 gateway=0.0.0.0 mtu=1500 "
           "link=down config=static rx_packets=12 rx_bytes=0 rx_errors=0 rx_dropped=0 tx_packets=0 tx_bytes=0 "
           "tx_errors=0 tx_dropped=0\n");
}

TEST_CASE("/proc/net/stats has one line per protocol", "[procfs]")
{
    ProcFixture f;
    REQUIRE(f.read_file("/proc/net/stats").empty());
    auto interfaces = f.vfs->stat("/proc/net/interfaces", Credentials::root(), f.root());
    auto stats = f.vfs->stat("/proc/net/stats", Credentials::root(), f.root());
    REQUIRE(!stats.is_error());
    CHECK(stats.value().inode != interfaces.value().inode);
    CHECK(stats.value().inode == f.vfs->stat("/proc/net/stats", Credentials::root(), f.root()).value().inode);
    CHECK((stats.value().mode & 0777) == 0444);

    for (net::NetProtocol protocol : net::NET_PROTOCOLS) {
        net::ProtocolStats entry;
        entry.protocol = protocol;
        f.system->protocol_stats.push_back(entry);
    }
    f.system->protocol_stats[3].recv = 4;
    f.system->protocol_stats[3].xmit = 4;
    f.system->protocol_stats[5].chkerr = 1;
    f.system->protocol_stats[5].drop = 1;
    REQUIRE(f.read_file("/proc/net/stats")
        == "proto=link xmit=0 recv=0 fw=0 drop=0 chkerr=0 lenerr=0 memerr=0 rterr=0 proterr=0 opterr=0 err=0\n"
           "proto=etharp xmit=0 recv=0 fw=0 drop=0 chkerr=0 lenerr=0 memerr=0 rterr=0 proterr=0 opterr=0 err=0\n"
           "proto=ip xmit=0 recv=0 fw=0 drop=0 chkerr=0 lenerr=0 memerr=0 rterr=0 proterr=0 opterr=0 err=0\n"
           "proto=icmp xmit=4 recv=4 fw=0 drop=0 chkerr=0 lenerr=0 memerr=0 rterr=0 proterr=0 opterr=0 err=0\n"
           "proto=udp xmit=0 recv=0 fw=0 drop=0 chkerr=0 lenerr=0 memerr=0 rterr=0 proterr=0 opterr=0 err=0\n"
           "proto=tcp xmit=0 recv=0 fw=0 drop=1 chkerr=1 lenerr=0 memerr=0 rterr=0 proterr=0 opterr=0 err=0\n");
    REQUIRE(f.open("/proc/net/stats", OpenFlag::WriteOnly).error() == Error::AccessDenied);
}

TEST_CASE("a process vanishing between readdir and open is ENOENT", "[procfs]")
{
    ProcFixture f;
    auto names = f.list("/proc");
    REQUIRE(std::find(names.begin(), names.end(), "7") != names.end());
    f.processes->processes.erase(7);
    REQUIRE(f.open("/proc/7/stat").error() == Error::NoEntry);
    REQUIRE(f.resolve_error("/proc/7") == Error::NoEntry);
}

TEST_CASE("a process vanishing after lookup is ENOENT for its files", "[procfs]")
{
    ProcFixture f;
    auto root = Credentials::root();
    auto directory = f.vfs->resolve("/proc/7", f.root(), root).value();
    auto file = f.vfs->resolve("/proc/7/cmdline", f.root(), root).value();
    f.processes->processes.erase(7);
    // Either spelling of "gone" from the provider becomes ENOENT.
    for (Error gone : { Error::NoSuchProcess, Error::NoEntry }) {
        f.processes->gone_error = gone;
        REQUIRE(directory->lookup("stat"_sv).error() == Error::NoEntry);
        REQUIRE(OpenFileDescription::create(file, OpenFlag::ReadOnly).error() == Error::NoEntry);
    }
    // A new process reusing the PID is its own: a fresh lookup sees it.
    FakeProcess reused = init_process();
    reused.pid = 7;
    reused.name = "reborn";
    f.processes->add(reused);
    REQUIRE(f.read_file("/proc/7/status").find("Name:\treborn\n") == 0);
}

TEST_CASE("an open /proc file is a snapshot: consistent across reads and seeks", "[procfs]")
{
    ProcFixture f;
    auto file = f.open("/proc/7/status").release_value();
    u8 buffer[10];
    REQUIRE(file->read(buffer, sizeof(buffer)).value() == 10);
    REQUIRE(std::string(reinterpret_cast<char*>(buffer), 10) == "Name:\ttick");
    f.processes->processes[7].name = "changed";
    f.processes->processes.erase(7);
    std::string rest = ProcFixture::read_all(*file);
    REQUIRE(rest.rfind("er\nState:\tS (sleeping)\n", 0) == 0);
    REQUIRE(file->seek(0, SeekWhence::Set).value() == 0);
    REQUIRE(ProcFixture::read_all(*file, 3).rfind("Name:\tticker\n", 0) == 0);
}

TEST_CASE("offsets and partial reads of /proc files", "[procfs]")
{
    ProcFixture f;
    std::string whole = f.read_file("/proc/7/stat");
    auto file = f.open("/proc/7/stat").release_value();
    REQUIRE(ProcFixture::read_all(*file, 1) == whole);
    REQUIRE(file->read(nullptr, 0).value() == 0);
    REQUIRE(file->seek(5, SeekWhence::Set).value() == 5);
    REQUIRE(ProcFixture::read_all(*file, 4) == whole.substr(5));
    REQUIRE(file->seek(1000, SeekWhence::Set).value() == 1000);
    u8 buffer[8];
    REQUIRE(file->read(buffer, sizeof(buffer)).value() == 0);
    // Size 0 as on Linux: SEEK_END lands at the offset given.
    REQUIRE(file->seek(2, SeekWhence::End).value() == 2);
    REQUIRE(ProcFixture::read_all(*file) == whole.substr(2));
    // Two opens have their own offsets and snapshots.
    auto other = f.open("/proc/7/stat").release_value();
    REQUIRE(ProcFixture::read_all(*other, 7) == whole);
}

TEST_CASE("long command lines and names are cut safely", "[procfs]")
{
    ProcFixture f;
    std::string huge;
    for (int i = 0; huge.size() < 10000; ++i)
        huge += "argument" + std::to_string(i) + '\0';
    f.processes->processes[7].cmdline = huge;
    std::string shown = f.read_file("/proc/7/cmdline");
    REQUIRE(shown.size() == ProcessInfo::CMDLINE_CAPACITY);
    REQUIRE(shown == huge.substr(0, ProcessInfo::CMDLINE_CAPACITY));

    // The fake fills the whole name array with no NUL: cut at 32 characters.
    f.processes->processes[7].name = std::string(40, 'n');
    REQUIRE(f.read_file("/proc/7/stat").rfind("7 (" + std::string(32, 'n') + ") S ", 0) == 0);
    // Control characters cannot add lines or fields.
    f.processes->processes[7].name = "a\nState:\tZ";
    std::string status = f.read_file("/proc/7/status");
    REQUIRE(status.rfind("Name:\ta?State:?Z\nState:\tS (sleeping)\n", 0) == 0);
}

TEST_CASE("everything under /proc is read-only", "[procfs]")
{
    ProcFixture f;
    auto user = Credentials::user(1000, 100);
    // Anyone may read, even another user's process.
    REQUIRE(f.read_file("/proc/1/status", user).rfind("Name:\tinit\n", 0) == 0);
    REQUIRE(f.open("/proc/7/stat", OpenFlag::WriteOnly, user).error() == Error::AccessDenied);
    // Root passes the mode check; procfs still refuses.
    REQUIRE(f.open("/proc/7/stat", OpenFlag::WriteOnly).error() == Error::AccessDenied);
    REQUIRE(f.open("/proc/meminfo", OpenFlag::ReadWrite).error() == Error::AccessDenied);
    REQUIRE(f.open("/proc/meminfo", OpenFlag::ReadOnly | OpenFlag::Truncate).error() == Error::AccessDenied);
    REQUIRE(f.open("/proc/new", OpenFlag::WriteOnly | OpenFlag::Create).error() == Error::PermissionDenied);
    REQUIRE(f.mkdir("/proc/dir") == Error::PermissionDenied);
    REQUIRE(f.mkdir("/proc/7/dir") == Error::PermissionDenied);
    REQUIRE(f.mkdir("/proc/dir", 0755, user) == Error::AccessDenied);
    REQUIRE(error_of(f.vfs->unlink("/proc/meminfo", Credentials::root(), f.root())) == Error::PermissionDenied);
    REQUIRE(error_of(f.vfs->rmdir("/proc/7", Credentials::root(), f.root())) == Error::PermissionDenied);
    REQUIRE(error_of(f.vfs->chmod("/proc/7/stat", 0666, Credentials::root(), f.root())) == Error::PermissionDenied);
}

TEST_CASE("provider errors other than a missing process reach the reader", "[procfs]")
{
    ProcFixture f;
    f.processes->info_error = Error::TimedOut; // a remote node did not answer
    REQUIRE(f.resolve_error("/proc/7") == Error::TimedOut);
    REQUIRE(f.open("/proc/7/stat").error() == Error::TimedOut);
    REQUIRE(f.read_file("/proc/meminfo").rfind("MemTotal:", 0) == 0);
}
