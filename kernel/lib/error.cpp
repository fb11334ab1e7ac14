// Symbolic names for Error values, for logs and panics.
#include "kernel/lib/error.h"

const char* error_name(Error e)
{
    switch (e) {
    case Error::None: return "OK";
    case Error::PermissionDenied: return "EPERM";
    case Error::NoEntry: return "ENOENT";
    case Error::NoSuchProcess: return "ESRCH";
    case Error::Interrupted: return "EINTR";
    case Error::IoError: return "EIO";
    case Error::NoDevice: return "ENXIO";
    case Error::ArgListTooLong: return "E2BIG";
    case Error::NotExecutable: return "ENOEXEC";
    case Error::BadFd: return "EBADF";
    case Error::NoChild: return "ECHILD";
    case Error::TryAgain: return "EAGAIN";
    case Error::NoMemory: return "ENOMEM";
    case Error::AccessDenied: return "EACCES";
    case Error::BadAddress: return "EFAULT";
    case Error::Busy: return "EBUSY";
    case Error::Exists: return "EEXIST";
    case Error::CrossDevice: return "EXDEV";
    case Error::NoSuchDevice: return "ENODEV";
    case Error::NotDirectory: return "ENOTDIR";
    case Error::IsDirectory: return "EISDIR";
    case Error::InvalidArgument: return "EINVAL";
    case Error::TooManyFilesSystem: return "ENFILE";
    case Error::TooManyFiles: return "EMFILE";
    case Error::NotTty: return "ENOTTY";
    case Error::FileTooBig: return "EFBIG";
    case Error::NoSpace: return "ENOSPC";
    case Error::IllegalSeek: return "ESPIPE";
    case Error::ReadOnlyFs: return "EROFS";
    case Error::TooManyLinks: return "EMLINK";
    case Error::BrokenPipe: return "EPIPE";
    case Error::Domain: return "EDOM";
    case Error::OutOfRange: return "ERANGE";
    case Error::Protocol: return "EPROTO";
    case Error::BadMessage: return "EBADMSG";
    case Error::NotImplemented: return "ENOSYS";
    case Error::NotEmpty: return "ENOTEMPTY";
    case Error::NameTooLong: return "ENAMETOOLONG";
    case Error::Loop: return "ELOOP";
    case Error::ConnectionReset: return "ECONNRESET";
    case Error::NoBufferSpace: return "ENOBUFS";
    case Error::AddressInUse: return "EADDRINUSE";
    case Error::ConnectionRefused: return "ECONNREFUSED";
    case Error::NetworkDown: return "ENETDOWN";
    case Error::TimedOut: return "ETIMEDOUT";
    case Error::HostDown: return "EHOSTDOWN";
    case Error::HostUnreachable: return "EHOSTUNREACH";
    case Error::MessageTooLong: return "EMSGSIZE";
    case Error::NotConnected: return "ENOTCONN";
    case Error::NotSupported: return "ENOTSUP";
    case Error::Overflow: return "EOVERFLOW";
    case Error::Canceled: return "ECANCELED";
    case Error::OperationNotSupported: return "EOPNOTSUPP";
    case Error::AddressFamilyNotSupported: return "EAFNOSUPPORT";
    case Error::ProtocolWrongType: return "EPROTOTYPE";
    case Error::NotSocket: return "ENOTSOCK";
    case Error::NoProtocolOption: return "ENOPROTOOPT";
    case Error::ConnectionAborted: return "ECONNABORTED";
    case Error::NetworkUnreachable: return "ENETUNREACH";
    case Error::InProgress: return "EINPROGRESS";
    case Error::AlreadyInProgress: return "EALREADY";
    case Error::DestinationRequired: return "EDESTADDRREQ";
    case Error::ProtocolNotSupported: return "EPROTONOSUPPORT";
    case Error::AddressNotAvailable: return "EADDRNOTAVAIL";
    case Error::AlreadyConnected: return "EISCONN";
    }
    return "E?";
}
