// Socket system calls: socket, bind, listen, accept, connect, sendto, recvfrom,
// sendmsg, recvmsg, shutdown, getsockopt, setsockopt, getsockname,
// getpeername. Each copies its user arguments in (addresses through
// net/socket/socket_address.h, option values through socket_option.h, msghdrs
// through socket_message.h), then calls the Socket (net/socket/socket.h); data
// moves through a kernel bounce buffer, gathered from and scattered to the
// user's buffers by a UserIoVector. See docs/sockets.md.
#include "fs/vfs/file_flags.h"
#include "kernel/abi/unum_socket.h"
#include "kernel/lib/vector.h"
#include "kernel/proc/process.h"
#include "kernel/syscall/current_files.h"
#include "kernel/syscall/syscall_families.h"
#include "kernel/syscall/user_io_vector.h"
#include "kernel/syscall/user_ptr.h"
#include "net/socket/socket.h"

namespace {

// The largest datagram (and the most one recvfrom moves at a time).
constexpr usize MAX_TRANSFER = 65535;
// Longer address lengths than this are refused, as BSD refuses more than a
// sockaddr_storage.
constexpr u64 MAX_ADDRESS_LENGTH = 128;

struct SocketFile {
    NonnullRefPtr<OpenFileDescription> file;
    Socket& socket;
};

Result<SocketFile> socket_for(u64 fd)
{
    auto file = TRY(file_for(fd));
    if (file->vnode().kind() != VnodeKind::Socket)
        return Error::NotSocket;
    Socket& socket = static_cast<Socket&>(file->vnode()); // checked by kind()
    return SocketFile { std::move(file), socket };
}

Result<SocketAddress> copy_address_in(u64 user, u64 length)
{
    if (user == 0)
        return Error::BadAddress;
    if (length > MAX_ADDRESS_LENGTH)
        return Error::InvalidArgument;
    u8 bytes[SOCKET_ADDRESS_SIZE] {};
    usize copied = length < sizeof(bytes) ? usize(length) : sizeof(bytes);
    TRY(UserPtr<u8>(user).read_array(bytes, copied));
    return decode_socket_address(bytes, usize(length));
}

// The (address, length) out-pair of accept/recvfrom/getsockname: the address is
// cut to the caller's length, which is then set to the full size. Null address:
// nothing to do.
// Writes address to user, cut to capacity bytes; returns the full length
// (what the caller reports back as the address length).
Result<unum_socklen_t> write_address_cut(u64 user, unum_socklen_t capacity, SocketAddress address)
{
    unum_sockaddr_in encoded = encode_socket_address(address);
    usize copied = capacity < sizeof(encoded) ? capacity : sizeof(encoded);
    TRY(UserPtr<u8>(user).write_array(reinterpret_cast<u8 const*>(&encoded), copied));
    return unum_socklen_t(sizeof(encoded));
}

Result<void> copy_address_out(u64 user, u64 user_length, SocketAddress address)
{
    if (user == 0)
        return {};
    if (user_length == 0)
        return Error::BadAddress;
    unum_socklen_t length = TRY(UserPtr<unum_socklen_t>(user_length).read());
    if (i32(length) < 0)
        return Error::InvalidArgument;
    unum_socklen_t full = TRY(write_address_cut(user, length, address));
    return UserPtr<unum_socklen_t>(user_length).write(full);
}

bool wants_nonblocking(OpenFileDescription const& file, u64 flags)
{
    return file.is_nonblocking() || (flags & UNUM_MSG_DONTWAIT);
}

Result<int> install(NonnullRefPtr<Socket> socket, bool nonblocking, bool close_on_exec)
{
    FdTable* fds = TRY(current_fds());
    u32 flags = OpenFlag::ReadWrite | (nonblocking ? OpenFlag::NonBlock : 0);
    auto file = TRY(OpenFileDescription::create(std::move(socket), flags));
    return fds->allocate(std::move(file), close_on_exec);
}

} // namespace

Result<u64> sys_socket(SyscallArgs const& args)
{
    SocketKind kind = TRY(socket_kind_from(int(args.arg[0]), int(args.arg[1]), int(args.arg[2])));
    auto backend = TRY(create_socket_backend(kind));
    auto socket = TRY(Socket::create(kind, std::move(backend)));
    return u64(TRY(install(std::move(socket), kind.nonblocking, kind.close_on_exec)));
}

Result<u64> sys_bind(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    SocketAddress address = TRY(copy_address_in(args.arg[1], args.arg[2]));
    TRY(target.socket.bind(address));
    return 0;
}

Result<u64> sys_listen(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    TRY(target.socket.listen(int(args.arg[1])));
    return 0;
}

Result<u64> sys_accept(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    SocketAddress peer;
    auto accepted = TRY(target.socket.accept(target.file->is_nonblocking(), &peer));
    int fd = TRY(install(std::move(accepted), false, false));
    if (auto copied = copy_address_out(args.arg[1], args.arg[2], peer); copied.is_error()) {
        (void)TRY(current_fds())->close(fd);
        return copied.error();
    }
    return u64(fd);
}

Result<u64> sys_connect(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    SocketAddress address = TRY(copy_address_in(args.arg[1], args.arg[2]));
    TRY(target.socket.connect(address, target.file->is_nonblocking()));
    return 0;
}

namespace {

// send/sendto/sendmsg: data gathered from user memory into a kernel bounce
// buffer. A datagram goes in one piece; a stream in bounce-sized pieces, and a
// partial send returns what went.
Result<u64> send_gathered(SocketFile& target, UserIoVector& data, u64 flags, SocketAddress const* to)
{
    bool nonblocking = wants_nonblocking(*target.file, flags);
    usize size = data.total();
    if (!target.socket.is_stream() && size > MAX_TRANSFER)
        return Error::MessageTooLong;
    Vector<u8> bounce;
    TRY(bounce.try_resize(size < MAX_TRANSFER ? size : MAX_TRANSFER));
    usize done = 0;
    do {
        usize chunk = size - done < bounce.size() ? size - done : bounce.size();
        TRY(data.gather(bounce.data(), chunk));
        auto sent = target.socket.send_to(bounce.data(), chunk, to, nonblocking);
        if (sent.is_error()) {
            if (sent.error() == Error::BrokenPipe)
                signal_broken_pipe();
            return done ? Result<u64>(done) : Result<u64>(sent.error());
        }
        done += sent.value();
        if (sent.value() < chunk)
            break;
    } while (done < size);
    return done;
}

struct Received {
    usize size { 0 };
    SocketAddress from;
    bool truncated { false }; // a datagram longer than the buffers (recvmsg's MSG_TRUNC)
};

// recv/recvfrom/recvmsg: at most MAX_TRANSFER bytes into a bounce buffer, then
// scattered to user memory. MSG_WAITALL keeps a blocking stream receive going
// until the buffers are full, the stream ends or an error comes.
Result<Received> receive_scattered(SocketFile& target, UserIoVector& data, u64 flags)
{
    usize size = data.total() < MAX_TRANSFER ? data.total() : MAX_TRANSFER;
    bool nonblocking = wants_nonblocking(*target.file, flags);
    bool peek = flags & UNUM_MSG_PEEK;
    bool wait_all = (flags & UNUM_MSG_WAITALL) && target.socket.is_stream() && !peek && !nonblocking;
    Vector<u8> bounce;
    TRY(bounce.try_resize(size));
    Received received;
    do {
        auto got = target.socket.receive_from(bounce.data() + received.size, size - received.size, &received.from,
            peek, nonblocking, &received.truncated);
        if (got.is_error()) {
            if (received.size == 0)
                return got.error();
            break;
        }
        if (got.value() == 0)
            break;
        received.size += got.value();
    } while (wait_all && received.size < size);
    TRY(data.scatter(bounce.data(), received.size));
    if (target.socket.is_stream()) {
        auto peer = target.socket.peer_address();
        received.from = peer.is_error() ? SocketAddress {} : peer.value();
    }
    return received;
}

// sendmsg/recvmsg: the msghdr at user, decoded, and the iovecs it names.
struct UserMessage {
    SocketMessage header;
    UserIoVector data;
};

Result<UserMessage> copy_message_in(u64 user)
{
    if (user == 0)
        return Error::BadAddress;
    u8 bytes[SOCKET_MESSAGE_SIZE];
    TRY(UserPtr<u8>(user).read_array(bytes, sizeof(bytes)));
    SocketMessage header = TRY(decode_socket_message(bytes, sizeof(bytes)));
    auto data = TRY(UserIoVector::from_user(header.io_vectors, header.io_vector_count));
    return UserMessage { header, std::move(data) };
}

} // namespace

Result<u64> sys_sendto(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    auto data = TRY(UserIoVector::single(args.arg[1], usize(args.arg[2])));
    SocketAddress to;
    bool has_to = args.arg[4] != 0;
    if (has_to)
        to = TRY(copy_address_in(args.arg[4], args.arg[5]));
    return send_gathered(target, data, args.arg[3], has_to ? &to : nullptr);
}

Result<u64> sys_recvfrom(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    auto data = TRY(UserIoVector::single(args.arg[1], usize(args.arg[2])));
    Received received = TRY(receive_scattered(target, data, args.arg[3]));
    TRY(copy_address_out(args.arg[4], args.arg[5], received.from));
    return received.size;
}

// No ancillary data is supported: a control buffer on sendmsg is EINVAL
// rather than silently ignored.
Result<u64> sys_sendmsg(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    auto message = TRY(copy_message_in(args.arg[1]));
    if (message.header.control_length != 0)
        return Error::InvalidArgument;
    SocketAddress to;
    bool has_to = message.header.name != 0 && message.header.name_length != 0; // as Linux
    if (has_to)
        to = TRY(copy_address_in(message.header.name, message.header.name_length));
    return send_gathered(target, message.data, args.arg[2], has_to ? &to : nullptr);
}

// msg_name gets the sender (cut to msg_namelen, which becomes 16; 0 when
// msg_name is null or msg_namelen 0); msg_controllen becomes 0; msg_flags is
// MSG_TRUNC when a datagram did not fit.
Result<u64> sys_recvmsg(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    u64 user = args.arg[1];
    auto message = TRY(copy_message_in(user));
    Received received = TRY(receive_scattered(target, message.data, args.arg[2]));
    unum_socklen_t name_length = 0;
    if (message.header.name != 0 && message.header.name_length != 0)
        name_length = TRY(write_address_cut(message.header.name, message.header.name_length, received.from));
    unum_msghdr header = TRY(UserPtr<unum_msghdr>(user).read());
    header.msg_namelen = name_length;
    header.msg_controllen = 0;
    header.msg_flags = received.truncated ? UNUM_MSG_TRUNC : 0;
    TRY(UserPtr<unum_msghdr>(user).write(header));
    return received.size;
}

Result<u64> sys_shutdown(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    TRY(target.socket.shutdown(int(args.arg[1])));
    return 0;
}

Result<u64> sys_setsockopt(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    SocketOption option = TRY(socket_option_from(int(args.arg[1]), int(args.arg[2])));
    u64 length = args.arg[4];
    if (length > MAX_ADDRESS_LENGTH)
        return Error::InvalidArgument;
    u8 bytes[SOCKET_OPTION_VALUE_MAX] {};
    usize copied = length < sizeof(bytes) ? usize(length) : sizeof(bytes);
    if (args.arg[3] == 0)
        return Error::BadAddress;
    TRY(UserPtr<u8>(args.arg[3]).read_array(bytes, copied));
    i64 value = TRY(decode_socket_option_value(option, bytes, usize(length)));
    TRY(target.socket.set_option(option, value));
    return 0;
}

Result<u64> sys_getsockopt(SyscallArgs const& args)
{
    auto target = TRY(socket_for(args.arg[0]));
    SocketOption option = TRY(socket_option_from(int(args.arg[1]), int(args.arg[2])));
    if (args.arg[3] == 0 || args.arg[4] == 0)
        return Error::BadAddress;
    unum_socklen_t length = TRY(UserPtr<unum_socklen_t>(args.arg[4]).read());
    if (i32(length) < 0)
        return Error::InvalidArgument;
    i64 value = TRY(target.socket.get_option(option));
    u8 bytes[SOCKET_OPTION_VALUE_MAX] {};
    usize size = encode_socket_option_value(option, value, bytes);
    usize copied = length < size ? length : size;
    TRY(UserPtr<u8>(args.arg[3]).write_array(bytes, copied));
    TRY(UserPtr<unum_socklen_t>(args.arg[4]).write(unum_socklen_t(copied)));
    return 0;
}

namespace {

// getsockname/getpeername: one of the socket's two addresses, copied out.
Result<u64> copy_name_out(SyscallArgs const& args, bool peer)
{
    auto target = TRY(socket_for(args.arg[0]));
    SocketAddress address = TRY(peer ? target.socket.peer_address() : target.socket.local_address());
    if (args.arg[1] == 0)
        return Error::BadAddress;
    TRY(copy_address_out(args.arg[1], args.arg[2], address));
    return 0;
}

} // namespace

Result<u64> sys_getsockname(SyscallArgs const& args) { return copy_name_out(args, false); }
Result<u64> sys_getpeername(SyscallArgs const& args) { return copy_name_out(args, true); }
