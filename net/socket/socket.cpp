// Socket: BSD socket semantics over a non-blocking SocketBackend.
#include "net/socket/socket.h"

#include <atomic>
#include <utility>

#include "fs/vfs/readiness.h"
#include "kernel/sched/scheduler.h"

namespace {

// Sockets belong to no file system (fs id 0, like pipes); their inode numbers
// start far above the pipes' so the two never share an identity.
std::atomic<u64> g_next_socket_inode { u64(1) << 40 };

// A blocked call retries at least this often even without a readiness change:
// a retry is cheap and covers a change the stack did not announce.
constexpr u64 RETRY_MS = 200;

} // namespace

Result<NonnullRefPtr<Socket>> Socket::create(SocketKind const& kind, OwnPtr<SocketBackend> backend)
{
    if (!backend)
        return Error::InvalidArgument;
    return adopt_ref_if_nonnull(new (std::nothrow) Socket(kind.type, std::move(backend), State::Fresh));
}

Socket::Socket(SocketType type, OwnPtr<SocketBackend> backend, State state)
    : Vnode(VnodeKind::Socket, 0, g_next_socket_inode.fetch_add(1, std::memory_order_relaxed))
    , m_type(type)
    , m_backend(std::move(backend))
    , m_state(state)
{
}

template<typename T, typename Attempt>
Result<T> Socket::retry_until_ready(Attempt attempt, bool nonblocking, u64 timeout_ms)
{
    u64 deadline = timeout_ms ? sched::deadline_after_ms(timeout_ms) : sched::NO_DEADLINE;
    for (;;) {
        u64 seen = readiness::generation();
        {
            MutexLocker locker(m_lock);
            Result<T> result = attempt();
            if (!result.is_error() || result.error() != Error::TryAgain || nonblocking)
                return result;
        }
        u64 slice = sched::deadline_after_ms(RETRY_MS);
        auto waited = readiness::wait_for_change(seen, deadline < slice ? deadline : slice);
        if (waited.is_error() && waited.error() == Error::Interrupted)
            return Error::Interrupted;
        if (deadline != sched::NO_DEADLINE && sched::ticks() >= deadline)
            return Error::TryAgain;
    }
}

Result<void> Socket::bind(SocketAddress address)
{
    MutexLocker locker(m_lock);
    if (m_state != State::Fresh)
        return Error::InvalidArgument;
    return m_backend->bind(address);
}

Result<void> Socket::listen(int backlog)
{
    if (!is_stream())
        return Error::OperationNotSupported;
    MutexLocker locker(m_lock);
    if (m_state == State::Listening)
        return {};
    if (m_state != State::Fresh)
        return Error::InvalidArgument;
    backlog = backlog < 1 ? 1 : backlog > 128 ? 128 : backlog;
    TRY(m_backend->listen(backlog));
    m_state = State::Listening;
    return {};
}

Result<NonnullRefPtr<Socket>> Socket::accept(bool nonblocking, SocketAddress* peer)
{
    auto backend = TRY(retry_until_ready<OwnPtr<SocketBackend>>([&]() -> Result<OwnPtr<SocketBackend>> {
        if (m_state != State::Listening)
            return Error::InvalidArgument;
        return m_backend->accept();
    }, nonblocking, m_receive_timeout_ms));
    auto socket = TRY(adopt_ref_if_nonnull(new (std::nothrow) Socket(m_type, std::move(backend), State::Connected)));
    if (peer) {
        auto address = socket->peer_address();
        *peer = address.is_error() ? SocketAddress {} : address.value();
    }
    return socket;
}

Result<void> Socket::finish_connect_locked()
{
    if (m_state != State::Connecting)
        return {};
    auto finished = m_backend->finish_connect();
    if (finished.is_error()) {
        if (finished.error() == Error::TryAgain)
            return Error::TryAgain;
        m_state = State::Fresh;
        m_connect_error = finished.error();
        return finished.error();
    }
    m_state = State::Connected;
    return {};
}

Result<void> Socket::connect(SocketAddress address, bool nonblocking)
{
    {
        MutexLocker locker(m_lock);
        if (!is_stream()) {
            TRY(m_backend->start_connect(address));
            m_has_peer = true;
            return {};
        }
        if (m_state == State::Connected)
            return Error::AlreadyConnected;
        if (m_state == State::Connecting)
            return Error::AlreadyInProgress;
        if (m_state == State::Listening)
            return Error::InvalidArgument;
        auto started = m_backend->start_connect(address);
        if (!started.is_error()) {
            m_state = State::Connected;
            return {};
        }
        if (started.error() != Error::InProgress)
            return started.error();
        m_state = State::Connecting;
        if (nonblocking)
            return Error::InProgress;
    }
    auto connected = retry_until_ready<void>([&] { return finish_connect_locked(); }, false, m_send_timeout_ms);
    if (connected.is_error() && connected.error() == Error::TryAgain)
        return Error::TimedOut; // SO_SNDTIMEO ran out; the handshake goes on
    return connected;
}

Result<usize> Socket::send_to(u8 const* data, usize size, SocketAddress const* to, bool nonblocking)
{
    auto attempt = [&](usize done) -> Result<usize> {
        if (m_shut_write)
            return Error::BrokenPipe;
        if (is_stream()) {
            TRY(finish_connect_locked());
            if (m_state != State::Connected)
                return Error::NotConnected;
            return m_backend->send(data + done, size - done, nullptr);
        }
        if (!to && !m_has_peer)
            return Error::DestinationRequired;
        return m_backend->send(data, size, to);
    };
    usize done = 0;
    for (;;) {
        auto sent = retry_until_ready<usize>([&] { return attempt(done); }, nonblocking, m_send_timeout_ms);
        if (sent.is_error())
            return done > 0 ? Result<usize>(done) : Result<usize>(sent.error());
        done += sent.value();
        if (!is_stream() || done >= size || nonblocking)
            return done;
    }
}

Result<usize> Socket::receive_from(u8* buffer, usize size, SocketAddress* from, bool peek, bool nonblocking,
    bool* truncated)
{
    return retry_until_ready<usize>([&]() -> Result<usize> {
        if (m_shut_read)
            return 0;
        if (is_stream()) {
            TRY(finish_connect_locked());
            if (m_state != State::Connected)
                return Error::NotConnected;
        }
        if (size == 0)
            return 0;
        return m_backend->receive(buffer, size, from, peek, truncated);
    }, nonblocking, m_receive_timeout_ms);
}

Result<void> Socket::shutdown(int how)
{
    if (how != UNUM_SHUT_RD && how != UNUM_SHUT_WR && how != UNUM_SHUT_RDWR)
        return Error::InvalidArgument;
    bool read = how != UNUM_SHUT_WR;
    bool write = how != UNUM_SHUT_RD;
    {
        MutexLocker locker(m_lock);
        if (is_stream() && m_state != State::Connected)
            return Error::NotConnected;
        TRY(m_backend->shutdown(read && !m_shut_read, write && !m_shut_write));
        m_shut_read |= read;
        m_shut_write |= write;
    }
    readiness::changed(); // a reader sleeping in this socket now gets 0
    return {};
}

Result<void> Socket::set_option(SocketOption option, i64 value)
{
    MutexLocker locker(m_lock);
    switch (option) {
    case SocketOption::SendTimeout:
        m_send_timeout_ms = u64(value);
        return {};
    case SocketOption::ReceiveTimeout:
        m_receive_timeout_ms = u64(value);
        return {};
    case SocketOption::Linger:
        m_linger = linger_from_option_value(value);
        return {};
    case SocketOption::Error:
    case SocketOption::Type:
        return Error::NoProtocolOption;
    case SocketOption::NoDelay:
        if (!is_stream())
            return Error::NoProtocolOption;
        break;
    default:
        break;
    }
    return m_backend->set_option(option, value);
}

Result<i64> Socket::get_option(SocketOption option)
{
    MutexLocker locker(m_lock);
    switch (option) {
    case SocketOption::Type:
        return i64(m_type);
    case SocketOption::SendTimeout:
        return i64(m_send_timeout_ms);
    case SocketOption::ReceiveTimeout:
        return i64(m_receive_timeout_ms);
    case SocketOption::Linger:
        return linger_option_value(m_linger);
    case SocketOption::Error: {
        // A non-blocking connect reports its outcome here.
        (void)finish_connect_locked();
        if (m_connect_error != Error::None)
            return i64(to_errno(std::exchange(m_connect_error, Error::None)));
        return m_backend->get_option(option);
    }
    case SocketOption::NoDelay:
        if (!is_stream())
            return Error::NoProtocolOption;
        break;
    default:
        break;
    }
    return m_backend->get_option(option);
}

Result<SocketAddress> Socket::local_address()
{
    MutexLocker locker(m_lock);
    return m_backend->local_address();
}

Result<SocketAddress> Socket::peer_address()
{
    MutexLocker locker(m_lock);
    if (is_stream() ? m_state != State::Connected : !m_has_peer)
        return Error::NotConnected;
    return m_backend->peer_address();
}

Result<VnodeStat> Socket::stat()
{
    VnodeStat stat;
    stat.fs_id = fs_id();
    stat.inode = inode();
    stat.mode = FileMode::Socket | 0777;
    stat.nlink = 1;
    stat.block_size = PAGE_SIZE;
    return stat;
}

Result<usize> Socket::read(OpenFileDescription& description, u64, u8* buffer, usize size)
{
    return receive_from(buffer, size, nullptr, false, description.is_nonblocking());
}

Result<usize> Socket::write(OpenFileDescription& description, u64&, u8 const* data, usize size)
{
    return send_to(data, size, nullptr, description.is_nonblocking());
}

u32 Socket::poll(OpenFileDescription&)
{
    MutexLocker locker(m_lock);
    if (finish_connect_locked().is_error() && m_state == State::Connecting)
        return 0;
    if (m_connect_error != Error::None)
        return PollEvent::Error | PollEvent::HangUp;
    u32 events = m_backend->poll();
    if (is_stream() && m_state == State::Fresh)
        events &= ~(PollEvent::Readable | PollEvent::Writable);
    if (m_shut_read)
        events |= PollEvent::Readable;
    if (m_shut_write)
        events &= ~PollEvent::Writable;
    return events;
}

void Socket::release(OpenFileDescription&)
{
    if (!is_stream() || !m_linger.on)
        return;
    if (m_linger.seconds == 0) {
        MutexLocker locker(m_lock);
        if (m_state != State::Listening)
            m_backend->abort();
        return;
    }
    // Linux's choice: when the time runs out (or a signal comes), close
    // returns and the connection closes in the background as without SO_LINGER.
    (void)retry_until_ready<void>([&]() -> Result<void> {
        if (m_state == State::Connected && m_backend->has_unacknowledged_data())
            return Error::TryAgain;
        return {};
    }, false, u64(m_linger.seconds) * 1000);
}
