// glibc functions and constants that Swift's Glibc module leaves out (GNU
// extensions and headers it does not import), declared here so they are linked
// like any other libc function, also into a fully static executable.
#ifndef TERWATCH_LINUX_H
#define TERWATCH_LINUX_H

#include <spawn.h>
#include <sys/types.h>

/// `pidfd_open(2)` through `syscall`, so it needs no particular glibc; -1 with errno on failure.
int terwatch_pidfd_open(pid_t pid, unsigned int flags);

/// `eventfd(2)`, close-on-exec and non-blocking.
int terwatch_eventfd(void);

/// `pipe2(2)` with both ends close-on-exec.
int terwatch_pipe_cloexec(int ends[2]);

/// `posix_spawn_file_actions_addclosefrom_np` (glibc 2.34): close every descriptor from `lowest` up in the child.
int terwatch_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest);

/// Whether the calling thread is the process's main thread (its thread id is the pid).
int terwatch_on_main_thread(void);

/// `POSIX_SPAWN_SETSID`: start the child in a session of its own.
extern const short terwatch_spawn_setsid;

/// `P_PIDFD`: the id type that makes `waitid` wait on a pidfd.
extern const int terwatch_wait_on_pidfd;

#endif
