// Every system-call handler, grouped by family; one family per .cpp file.
#pragma once

#include "kernel/syscall/syscall_dispatch.h"

// sys_time.cpp
Result<u64> sys_nanosleep(SyscallArgs const& args);
Result<u64> sys_clock_gettime(SyscallArgs const& args);
Result<u64> sys_gettimeofday(SyscallArgs const& args);

// sys_file_io.cpp
Result<u64> sys_read(SyscallArgs const& args);
Result<u64> sys_write(SyscallArgs const& args);
Result<u64> sys_lseek(SyscallArgs const& args);
Result<u64> sys_close(SyscallArgs const& args);
Result<u64> sys_dup(SyscallArgs const& args);
Result<u64> sys_dup2(SyscallArgs const& args);
Result<u64> sys_fcntl(SyscallArgs const& args);
Result<u64> sys_ioctl(SyscallArgs const& args);

// sys_file_path.cpp
Result<u64> sys_open(SyscallArgs const& args);
Result<u64> sys_stat(SyscallArgs const& args);
Result<u64> sys_fstat(SyscallArgs const& args);
Result<u64> sys_mkdir(SyscallArgs const& args);
Result<u64> sys_rmdir(SyscallArgs const& args);
Result<u64> sys_unlink(SyscallArgs const& args);
Result<u64> sys_rename(SyscallArgs const& args);
Result<u64> sys_chdir(SyscallArgs const& args);
Result<u64> sys_getcwd(SyscallArgs const& args);
Result<u64> sys_getdents(SyscallArgs const& args);
Result<u64> sys_pipe(SyscallArgs const& args);

// sys_memory.cpp
Result<u64> sys_brk(SyscallArgs const& args);
Result<u64> sys_mmap(SyscallArgs const& args);
Result<u64> sys_munmap(SyscallArgs const& args);

// sys_process.cpp
Result<u64> sys_exit(SyscallArgs const& args);
Result<u64> sys_getpid(SyscallArgs const& args);
Result<u64> sys_getppid(SyscallArgs const& args);
Result<u64> sys_getuid(SyscallArgs const& args);
Result<u64> sys_getgid(SyscallArgs const& args);
Result<u64> sys_setuid(SyscallArgs const& args);
Result<u64> sys_setgid(SyscallArgs const& args);
Result<u64> sys_setpgid(SyscallArgs const& args);
Result<u64> sys_getpgid(SyscallArgs const& args);
Result<u64> sys_setsid(SyscallArgs const& args);
Result<u64> sys_getsid(SyscallArgs const& args);
Result<u64> sys_kill(SyscallArgs const& args);
Result<u64> sys_waitpid(SyscallArgs const& args);
Result<u64> sys_uname(SyscallArgs const& args);
Result<u64> sys_unum_self(SyscallArgs const& args);
Result<u64> sys_getentropy(SyscallArgs const& args);

// sys_cluster.cpp
Result<u64> sys_cluster_ping(SyscallArgs const& args);
Result<u64> sys_cluster_admission(SyscallArgs const& args);

// sys_power.cpp
Result<u64> sys_reboot(SyscallArgs const& args);

// sys_poll.cpp
Result<u64> sys_poll(SyscallArgs const& args);
Result<u64> sys_select(SyscallArgs const& args);

// sys_socket.cpp
Result<u64> sys_socket(SyscallArgs const& args);
Result<u64> sys_bind(SyscallArgs const& args);
Result<u64> sys_listen(SyscallArgs const& args);
Result<u64> sys_accept(SyscallArgs const& args);
Result<u64> sys_connect(SyscallArgs const& args);
Result<u64> sys_sendto(SyscallArgs const& args);
Result<u64> sys_recvfrom(SyscallArgs const& args);
Result<u64> sys_sendmsg(SyscallArgs const& args);
Result<u64> sys_recvmsg(SyscallArgs const& args);
Result<u64> sys_shutdown(SyscallArgs const& args);
Result<u64> sys_getsockopt(SyscallArgs const& args);
Result<u64> sys_setsockopt(SyscallArgs const& args);
Result<u64> sys_getsockname(SyscallArgs const& args);
Result<u64> sys_getpeername(SyscallArgs const& args);
