// The kernel's error codes. Values follow newlib's <sys/errno.h> because user
// programs link newlib; they become -errno only at the syscall boundary.
#pragma once

#include "kernel/lib/types.h"

enum class Error : i32 {
    None = 0,
    PermissionDenied = 1,    // EPERM
    NoEntry = 2,             // ENOENT
    NoSuchProcess = 3,       // ESRCH
    Interrupted = 4,         // EINTR
    IoError = 5,             // EIO
    NoDevice = 6,            // ENXIO
    ArgListTooLong = 7,      // E2BIG
    NotExecutable = 8,       // ENOEXEC
    BadFd = 9,               // EBADF
    NoChild = 10,            // ECHILD
    TryAgain = 11,           // EAGAIN
    NoMemory = 12,           // ENOMEM
    AccessDenied = 13,       // EACCES
    BadAddress = 14,         // EFAULT
    Busy = 16,               // EBUSY
    Exists = 17,             // EEXIST
    CrossDevice = 18,        // EXDEV
    NoSuchDevice = 19,       // ENODEV
    NotDirectory = 20,       // ENOTDIR
    IsDirectory = 21,        // EISDIR
    InvalidArgument = 22,    // EINVAL
    TooManyFilesSystem = 23, // ENFILE
    TooManyFiles = 24,       // EMFILE
    NotTty = 25,             // ENOTTY
    FileTooBig = 27,         // EFBIG
    NoSpace = 28,            // ENOSPC
    IllegalSeek = 29,        // ESPIPE
    ReadOnlyFs = 30,         // EROFS
    TooManyLinks = 31,       // EMLINK
    BrokenPipe = 32,         // EPIPE
    Domain = 33,             // EDOM
    OutOfRange = 34,         // ERANGE
    Protocol = 71,           // EPROTO
    BadMessage = 77,         // EBADMSG
    NotImplemented = 88,     // ENOSYS
    NotEmpty = 90,           // ENOTEMPTY
    NameTooLong = 91,        // ENAMETOOLONG
    Loop = 92,               // ELOOP
    OperationNotSupported = 95, // EOPNOTSUPP
    ConnectionReset = 104,   // ECONNRESET
    NoBufferSpace = 105,     // ENOBUFS
    AddressFamilyNotSupported = 106, // EAFNOSUPPORT
    ProtocolWrongType = 107, // EPROTOTYPE
    NotSocket = 108,         // ENOTSOCK
    NoProtocolOption = 109,  // ENOPROTOOPT
    AddressInUse = 112,      // EADDRINUSE
    ConnectionRefused = 111, // ECONNREFUSED
    ConnectionAborted = 113, // ECONNABORTED
    NetworkUnreachable = 114, // ENETUNREACH
    NetworkDown = 115,       // ENETDOWN
    TimedOut = 116,          // ETIMEDOUT
    HostDown = 117,          // EHOSTDOWN
    HostUnreachable = 118,   // EHOSTUNREACH
    InProgress = 119,        // EINPROGRESS
    AlreadyInProgress = 120, // EALREADY
    DestinationRequired = 121, // EDESTADDRREQ
    MessageTooLong = 122,    // EMSGSIZE
    ProtocolNotSupported = 123, // EPROTONOSUPPORT
    AddressNotAvailable = 125, // EADDRNOTAVAIL
    AlreadyConnected = 127,  // EISCONN
    NotConnected = 128,      // ENOTCONN
    NotSupported = 134,      // ENOTSUP
    Overflow = 139,          // EOVERFLOW
    Canceled = 140,          // ECANCELED
};

constexpr i32 to_errno(Error e) { return static_cast<i32>(e); }

// Short symbolic name ("ENOENT") for logs and test output.
const char* error_name(Error e);
