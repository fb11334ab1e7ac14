// FakeSocketBackend: a scripted SocketBackend for host tests of Socket. Tests
// fill its queues and flags; every change calls readiness::changed() as the
// real stack does.
#pragma once

#include <deque>
#include <string>

#include "fs/vfs/readiness.h"
#include "fs/vfs/vnode.h"
#include "net/socket/socket_backend.h"

struct FakeSocketState {
    std::deque<std::string> incoming;     // what receive() hands out, piece by piece
    bool end_of_stream { false };
    std::string sent;                     // everything send() took
    usize send_space { 1 << 20 };         // bytes send() takes before TryAgain
    int connections_waiting { 0 };       // for accept()
    bool connect_in_progress { false };  // start_connect() says InProgress
    Error connect_result { Error::None }; // finish_connect() once not in progress
    bool bound { false };
    bool shut_read { false };
    bool shut_write { false };
    SocketAddress last_destination {};
    bool datagrams { false };      // receive() drops what does not fit, as UDP does
    bool unacknowledged { false }; // has_unacknowledged_data()
    bool aborted { false };        // abort() was called

    void deliver(std::string data)
    {
        incoming.push_back(std::move(data));
        readiness::changed();
    }
};

class FakeSocketBackend final : public SocketBackend {
public:
    explicit FakeSocketBackend(FakeSocketState& state)
        : m_state(state)
    {
    }

    Result<void> bind(SocketAddress) override
    {
        if (m_state.bound)
            return Error::InvalidArgument;
        m_state.bound = true;
        return {};
    }
    Result<void> listen(int) override { return {}; }
    Result<OwnPtr<SocketBackend>> accept() override
    {
        if (m_state.connections_waiting == 0)
            return Error::TryAgain;
        --m_state.connections_waiting;
        return OwnPtr<SocketBackend>(new FakeSocketBackend(m_state));
    }
    Result<void> start_connect(SocketAddress) override
    {
        if (m_state.connect_in_progress)
            return Error::InProgress;
        return {};
    }
    Result<void> finish_connect() override
    {
        if (m_state.connect_in_progress)
            return Error::TryAgain;
        if (m_state.connect_result != Error::None)
            return m_state.connect_result;
        return {};
    }
    Result<usize> send(u8 const* data, usize size, SocketAddress const* to) override
    {
        if (m_state.send_space == 0)
            return Error::TryAgain;
        usize taken = size < m_state.send_space ? size : m_state.send_space;
        m_state.send_space -= taken;
        m_state.sent.append(reinterpret_cast<char const*>(data), taken);
        if (to)
            m_state.last_destination = *to;
        return taken;
    }
    Result<usize> receive(u8* buffer, usize size, SocketAddress* from, bool peek, bool* truncated) override
    {
        if (m_state.incoming.empty())
            return m_state.end_of_stream ? Result<usize>(0) : Result<usize>(Error::TryAgain);
        std::string& next = m_state.incoming.front();
        usize copied = size < next.size() ? size : next.size();
        next.copy(reinterpret_cast<char*>(buffer), copied);
        if (from)
            *from = SocketAddress { 0x7f000001, 4242 };
        if (truncated)
            *truncated = m_state.datagrams && copied < next.size();
        if (!peek) {
            next.erase(0, m_state.datagrams ? next.size() : copied);
            if (next.empty())
                m_state.incoming.pop_front();
        }
        return copied;
    }
    Result<void> shutdown(bool read, bool write) override
    {
        m_state.shut_read |= read;
        m_state.shut_write |= write;
        return {};
    }
    bool has_unacknowledged_data() override { return m_state.unacknowledged; }
    void abort() override { m_state.aborted = true; }
    Result<void> set_option(SocketOption, i64) override { return {}; }
    Result<i64> get_option(SocketOption) override { return i64(0); }
    Result<SocketAddress> local_address() override { return SocketAddress { 0x7f000001, 7000 }; }
    Result<SocketAddress> peer_address() override { return SocketAddress { 0x7f000001, 4242 }; }
    u32 poll() override
    {
        u32 events = m_state.send_space ? PollEvent::Writable : 0;
        if (!m_state.incoming.empty() || m_state.end_of_stream || m_state.connections_waiting)
            events |= PollEvent::Readable;
        return events;
    }

private:
    FakeSocketState& m_state;
};
