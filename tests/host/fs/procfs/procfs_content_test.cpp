// procfs_content and TextBuffer on their own: formats at their edges.
#include <catch2/catch.hpp>

#include <string>

#include "fs/procfs/procfs_content.h"

namespace {
std::string text_of(TextBuffer const& buffer) { return std::string(buffer.view().characters(), buffer.size()); }
} // namespace

TEST_CASE("TextBuffer formats lines longer than its stack buffer", "[procfs]")
{
    TextBuffer buffer;
    REQUIRE(!buffer.append("start:"_sv).is_error());
    std::string long_text(300, 'x');
    REQUIRE(!buffer.appendf("%s|%d", long_text.c_str(), 42).is_error());
    REQUIRE(!buffer.appendf("%s", "").is_error());
    REQUIRE(text_of(buffer) == "start:" + long_text + "|42");
}

TEST_CASE("stat and status with extreme numbers", "[procfs]")
{
    ProcessInfo info;
    info.pid = 409'599'999;
    info.ppid = 100'001;
    info.pgid = -1;
    info.sid = 0;
    info.node = 4095;
    info.uid = 0xffffffff;
    info.state = '\0';
    info.cpu_time_ns = ~u64(0);
    info.virtual_size_bytes = 1023; // less than a kB shows as 0
    TextBuffer stat;
    REQUIRE(!procfs_content::render_stat(info, stat).is_error());
    REQUIRE(text_of(stat)
        == "409599999 () ? 100001 -1 0 0 -1 0 0 0 0 0 1844674407370 0 0 0 20 0 1 0 0 1023 0\n");
    TextBuffer status;
    REQUIRE(!procfs_content::render_status(info, status).is_error());
    std::string text = text_of(status);
    REQUIRE(text.find("State:\t? (unknown)\n") != std::string::npos);
    REQUIRE(text.find("Uid:\t4294967295\t") != std::string::npos);
    REQUIRE(text.find("Node:\t4095\n") != std::string::npos);
    REQUIRE(text.find("VmSize:\t       0 kB\n") != std::string::npos);
    REQUIRE(text.find("CpuTimeMs:\t18446744073709\n") != std::string::npos);
}

TEST_CASE("meminfo numbers wider than Linux's column still print whole", "[procfs]")
{
    MemoryInfo memory { u64(5) * 1024 * GiB, 0, 0 }; // 5 TiB
    TextBuffer buffer;
    REQUIRE(!procfs_content::render_meminfo(memory, buffer).is_error());
    REQUIRE(text_of(buffer).rfind("MemTotal:       5368709120 kB\n", 0) == 0);
}

TEST_CASE("cpuinfo fields that fill their arrays are bounded", "[procfs]")
{
    Vector<CpuInfo> cpus;
    CpuInfo cpu;
    for (char& c : cpu.vendor_id)
        c = 'V'; // no NUL anywhere
    REQUIRE(!cpus.try_append(cpu).is_error());
    TextBuffer buffer;
    REQUIRE(!procfs_content::render_cpuinfo(cpus, buffer).is_error());
    REQUIRE(text_of(buffer).find("vendor_id\t: " + std::string(sizeof(cpu.vendor_id), 'V') + "\n")
        != std::string::npos);
}
