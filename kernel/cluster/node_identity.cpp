// Parsing and naming of node numbers.
#include "kernel/cluster/node_identity.h"

#include "kernel/lib/format.h"

Result<NodeId> NodeId::parse(StringView text)
{
    if (text.starts_with("node"_sv))
        text = text.substring(4);
    auto number = text.to_u64(10);
    if (number.is_error() || number.value() < 1 || number.value() > MAX)
        return Error::InvalidArgument;
    return NodeId(u16(number.value()));
}

usize NodeId::format_name(char* buffer, usize size) const { return format(buffer, size, "node%u", unsigned(m_value)); }
