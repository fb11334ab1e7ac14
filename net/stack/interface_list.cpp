// The installed interface lister (see interface_list.h).
#include "net/stack/interface_list.h"

#include <atomic>

namespace net {

namespace {

std::atomic<InterfaceLister> g_lister { nullptr };

} // namespace

void set_interface_lister(InterfaceLister lister) { g_lister.store(lister, std::memory_order_release); }

Result<Vector<InterfaceInfo>> list_interfaces()
{
    InterfaceLister lister = g_lister.load(std::memory_order_acquire);
    if (!lister)
        return Vector<InterfaceInfo> {};
    return lister();
}

Result<InterfaceInfo> find_interface(StringView name)
{
    auto interfaces = TRY(list_interfaces());
    for (auto const& info : interfaces) {
        if (StringView(info.name) == name)
            return info;
    }
    return Error::NoEntry;
}

} // namespace net
