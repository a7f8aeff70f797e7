// The glibc functions and constants of terwatch_linux.h.
#define _GNU_SOURCE
#include "terwatch_linux.h"

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int terwatch_pidfd_open(pid_t pid, unsigned int flags) {
    return (int)syscall(SYS_pidfd_open, pid, flags);
}

int terwatch_eventfd(void) {
    return eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
}

int terwatch_pipe_cloexec(int ends[2]) {
    return pipe2(ends, O_CLOEXEC);
}

int terwatch_spawn_close_from(posix_spawn_file_actions_t *actions, int lowest) {
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}

int terwatch_on_main_thread(void) {
    return syscall(SYS_gettid) == getpid();
}

const short terwatch_spawn_setsid = POSIX_SPAWN_SETSID;
const int terwatch_wait_on_pidfd = P_PIDFD;
