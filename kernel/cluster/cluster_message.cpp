// Header and body codecs of the cluster wire format (layout in cluster_message.h).
// Decoding treats every byte as hostile: each length is checked against what is
// left before it is used, and every field is range-checked.
#include "kernel/cluster/cluster_message.h"

#include "kernel/lib/string.h"

namespace {

void put_u16_at(u8* out, u16 value)
{
    out[0] = u8(value);
    out[1] = u8(value >> 8);
}
void put_u64_at(u8* out, u64 value)
{
    store_le32(out, u32(value));
    store_le32(out + 4, u32(value >> 32));
}
u16 get_u16_at(u8 const* in) { return u16(in[0] | (in[1] << 8)); }
u64 get_u64_at(u8 const* in) { return u64(load_le32(in)) | (u64(load_le32(in + 4)) << 32); }

bool is_known_type(u8 type) { return type >= u8(ClusterMessageType::Beacon) && type <= u8(ClusterMessageType::RpcError); }

void put_address(WireWriter& writer, NetAddress address)
{
    writer.put_u32(address.ipv4);
    writer.put_u16(address.port);
}

Result<NetAddress> get_address(WireReader& reader)
{
    NetAddress address;
    address.ipv4 = TRY(reader.get_u32());
    address.port = TRY(reader.get_u16());
    return address;
}

// A node number that must be valid (1..MAX), or may also be none.
Result<NodeId> get_node(WireReader& reader, bool none_allowed)
{
    NodeId node(TRY(reader.get_u16()));
    if (node.is_valid() || (none_allowed && node.is_none()))
        return node;
    return Error::BadMessage;
}

void put_features(WireWriter& writer, NodeFeatures const& features)
{
    writer.put_u16(features.cpu_count);
    writer.put_u32(features.memory_mib);
    writer.put_u32(features.load_milli);
    char names[2048];
    usize length = features.format_cpu_features(names, sizeof(names));
    if (length >= sizeof(names))
        length = sizeof(names) - 1; // cannot happen with today's table; cut, never overrun
    writer.put_string16(StringView(names, length));
    writer.put_string16(StringView(features.tags));
}

Result<NodeFeatures> get_features(WireReader& reader)
{
    NodeFeatures features;
    features.cpu_count = TRY(reader.get_u16());
    features.memory_mib = TRY(reader.get_u32());
    features.load_milli = TRY(reader.get_u32());
    StringView names = TRY(reader.get_string16());
    features.add_cpu_feature_names(names);
    StringView tags = TRY(reader.get_string16());
    if (tags.contains('\0'))
        return Error::BadMessage;
    if (features.set_tags(tags).is_error())
        return Error::BadMessage;
    return features;
}

Result<StringView> get_cluster_name(WireReader& reader)
{
    StringView name = TRY(reader.get_string16());
    if (name.is_empty() || name.length() > CLUSTER_MAX_NAME)
        return Error::BadMessage;
    return name;
}

void put_payload(WireWriter& writer, ClusterMessage const& message)
{
    writer.put_u32(u32(message.payload_size));
    writer.put_bytes(message.payload, message.payload_size);
}

Result<void> get_payload(WireReader& reader, ClusterMessage& message)
{
    u32 size = TRY(reader.get_u32());
    if (size > CLUSTER_MAX_RPC_PAYLOAD)
        return Error::BadMessage;
    message.payload = TRY(reader.get_bytes(size));
    message.payload_size = size;
    return {};
}

} // namespace

void ClusterMessageHeader::encode(u8* out) const
{
    store_le32(out, MAGIC);
    out[4] = VERSION;
    out[5] = u8(type);
    put_u16_at(out + 6, 0);
    put_u16_at(out + 8, sender.value());
    put_u16_at(out + 10, destination.value());
    store_le32(out + 12, body_length);
    put_u64_at(out + 16, sender_incarnation);
    put_u64_at(out + 24, destination_incarnation);
    put_u64_at(out + 32, sequence);
}

Result<ClusterMessageHeader> ClusterMessageHeader::decode(u8 const* bytes, usize size)
{
    if (size < SIZE || load_le32(bytes) != MAGIC)
        return Error::BadMessage;
    if (bytes[4] != VERSION)
        return Error::Protocol;
    if (!is_known_type(bytes[5]) || get_u16_at(bytes + 6) != 0)
        return Error::BadMessage;
    ClusterMessageHeader header;
    header.type = ClusterMessageType(bytes[5]);
    header.sender = NodeId(get_u16_at(bytes + 8));
    header.destination = NodeId(get_u16_at(bytes + 10));
    if (header.sender.value() > NodeId::MAX || header.destination.value() > NodeId::MAX)
        return Error::BadMessage;
    header.body_length = load_le32(bytes + 12);
    header.sender_incarnation = get_u64_at(bytes + 16);
    header.destination_incarnation = get_u64_at(bytes + 24);
    header.sequence = get_u64_at(bytes + 32);
    if (header.sequence == 0)
        return Error::BadMessage;
    return header;
}

static void put_stamp(WireWriter& writer, ViewStamp const& stamp)
{
    writer.put_u64(stamp.epoch);
    writer.put_u16(stamp.creator.value());
    writer.put_u64(stamp.creator_incarnation);
}

static Result<ViewStamp> get_stamp(WireReader& reader)
{
    ViewStamp stamp;
    stamp.epoch = TRY(reader.get_u64());
    stamp.creator = TRY(get_node(reader, false));
    stamp.creator_incarnation = TRY(reader.get_u64());
    return stamp;
}

void encode_view(MembershipView const& view, WireWriter& writer)
{
    put_stamp(writer, view.stamp());
    writer.put_u64(view.generation());
    writer.put_u16(u16(view.size()));
    for (auto const& member : view.members()) {
        writer.put_u16(member.node.value());
        writer.put_u64(member.incarnation);
        put_address(writer, member.address);
        put_features(writer, member.features);
    }
    writer.put_u16(u16(view.departed().size()));
    for (auto const& departed : view.departed()) {
        writer.put_u16(departed.node.value());
        put_address(writer, departed.address);
    }
}

Result<MembershipView> decode_view(WireReader& reader)
{
    MembershipView view;
    auto stamp = TRY(get_stamp(reader));
    view.set_epoch(stamp.epoch);
    view.set_creator(stamp.creator, stamp.creator_incarnation);
    view.set_generation(TRY(reader.get_u64()));
    u16 count = TRY(reader.get_u16());
    if (count > NodeId::MAX)
        return Error::BadMessage;
    NodeId previous;
    for (u16 i = 0; i < count; ++i) {
        MemberInfo member;
        member.node = TRY(get_node(reader, false));
        if (member.node <= previous)
            return Error::BadMessage; // unsorted or duplicate
        previous = member.node;
        member.incarnation = TRY(reader.get_u64());
        member.address = TRY(get_address(reader));
        member.features = TRY(get_features(reader));
        TRY(view.add_or_replace(member));
    }
    u16 departed = TRY(reader.get_u16());
    if (departed > MembershipView::MAX_DEPARTED)
        return Error::BadMessage;
    for (u16 i = 0; i < departed; ++i) {
        NodeId node = TRY(get_node(reader, false));
        NetAddress address = TRY(get_address(reader));
        TRY(view.add_departed(node, address));
    }
    return view;
}

Error error_from_wire(u32 value)
{
    Error error = Error(i32(value));
    char const* name = error_name(error);
    if (error == Error::None || value > 0xFFFF || (name[0] == 'E' && name[1] == '?'))
        return Error::Protocol;
    return error;
}

Result<void> encode_cluster_body(ClusterMessage const& message, WireWriter& writer)
{
    switch (message.type) {
    case ClusterMessageType::Beacon:
        writer.put_string16(message.cluster_name);
        writer.put_u16(message.node.value());
        put_address(writer, message.address);
        put_stamp(writer, message.stamp);
        writer.put_u64(message.generation);
        break;
    case ClusterMessageType::JoinRequest:
        writer.put_string16(message.cluster_name);
        writer.put_u16(message.node.value());
        put_address(writer, message.address);
        put_features(writer, message.features);
        break;
    case ClusterMessageType::JoinAccept:
        writer.put_u16(message.node.value());
        encode_view(message.view, writer);
        break;
    case ClusterMessageType::JoinRefused:
    case ClusterMessageType::RpcError:
        if (message.type == ClusterMessageType::RpcError)
            writer.put_u64(message.call_id);
        writer.put_u32(u32(to_errno(message.error)));
        break;
    case ClusterMessageType::ViewUpdate:
        encode_view(message.view, writer);
        break;
    case ClusterMessageType::Heartbeat:
        put_stamp(writer, message.stamp);
        writer.put_u32(message.load_milli);
        writer.put_u8(message.partitioned ? 1 : 0);
        break;
    case ClusterMessageType::Leave:
        break;
    case ClusterMessageType::RpcRequest:
        writer.put_u64(message.call_id);
        writer.put_u16(message.service);
        writer.put_u16(message.method);
        put_payload(writer, message);
        break;
    case ClusterMessageType::RpcResponse:
        writer.put_u64(message.call_id);
        put_payload(writer, message);
        break;
    }
    if (message.payload_size > CLUSTER_MAX_RPC_PAYLOAD)
        return Error::MessageTooLong;
    return writer.finish();
}

Result<ClusterMessage> decode_cluster_body(ClusterMessageType type, u8 const* bytes, usize size)
{
    WireReader reader(bytes, size);
    ClusterMessage message(type);
    switch (type) {
    case ClusterMessageType::Beacon:
        message.cluster_name = TRY(get_cluster_name(reader));
        message.node = TRY(get_node(reader, false));
        message.address = TRY(get_address(reader));
        message.stamp = TRY(get_stamp(reader));
        message.generation = TRY(reader.get_u64());
        break;
    case ClusterMessageType::JoinRequest:
        message.cluster_name = TRY(get_cluster_name(reader));
        message.node = TRY(get_node(reader, true));
        message.address = TRY(get_address(reader));
        message.features = TRY(get_features(reader));
        break;
    case ClusterMessageType::JoinAccept:
        message.node = TRY(get_node(reader, false));
        message.view = TRY(decode_view(reader));
        if (!message.view.contains(message.node))
            return Error::BadMessage;
        break;
    case ClusterMessageType::JoinRefused:
    case ClusterMessageType::RpcError:
        if (type == ClusterMessageType::RpcError)
            message.call_id = TRY(reader.get_u64());
        message.error = error_from_wire(TRY(reader.get_u32()));
        break;
    case ClusterMessageType::ViewUpdate:
        message.view = TRY(decode_view(reader));
        break;
    case ClusterMessageType::Heartbeat: {
        message.stamp = TRY(get_stamp(reader));
        message.load_milli = TRY(reader.get_u32());
        u8 flags = TRY(reader.get_u8());
        if (flags > 1)
            return Error::BadMessage;
        message.partitioned = flags == 1;
        break;
    }
    case ClusterMessageType::Leave:
        break;
    case ClusterMessageType::RpcRequest:
        message.call_id = TRY(reader.get_u64());
        message.service = TRY(reader.get_u16());
        message.method = TRY(reader.get_u16());
        TRY(get_payload(reader, message));
        break;
    case ClusterMessageType::RpcResponse:
        message.call_id = TRY(reader.get_u64());
        TRY(get_payload(reader, message));
        break;
    default:
        return Error::BadMessage;
    }
    TRY(reader.expect_end());
    return message;
}
