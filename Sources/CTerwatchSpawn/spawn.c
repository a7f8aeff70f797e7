// fork + execve for the wrapped child, with a parent-death signal.
//
// posix_spawn cannot set PR_SET_PDEATHSIG, so this is the one place terwatch
// forks by hand. vfork (or clone with CLONE_VM) would share the parent's memory
// and stack with code that calls prctl and closes descriptors; fork gives the
// child a private copy, and between fork and execve the child calls only
// async-signal-safe functions and raw system calls (the parent is
// multithreaded: any lock another thread held at fork time stays held here).
//
// The terminal: with a terminal descriptor given, the child makes its own new
// process group the terminal's foreground group right after setpgid, while
// every signal is still blocked (a background process that calls tcsetpgrp
// with SIGTTOU neither blocked nor ignored is stopped instead), and only when
// the parent's group holds the terminal at that moment: the child runs in the
// foreground from its first instruction, and terwatch in the background of a
// shell never steals the terminal.
//
// The exec report: a close-on-exec pipe. A successful execve closes it and the
// parent reads end of file; a failure writes {step, errno} to it first, so the
// parent tells "not found" from "not executable" exactly.
#define _GNU_SOURCE
#include "terwatch_spawn.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

/// The highest signal number the kernel knows (64 on Linux).
#define TERWATCH_LAST_SIGNAL 64

/// What the child writes to the report pipe when a step fails.
struct report {
    int step;
    int error;
};

/// Writes the failed step and errno to the report pipe, then exits with 127.
static void fail(int report_fd, int step) {
    struct report message = {step, errno};
    while (write(report_fd, &message, sizeof message) < 0 && errno == EINTR) {}
    _exit(127);
}

/// Sets every signal but KILL and STOP to its default disposition.
///
/// A raw rt_sigaction with an all-zero action (SIG_DFL, no flags, empty mask): glibc's
/// sigaction refuses its two internal signals (32 and 33), which must not stay ignored either.
static void reset_dispositions(void) {
    unsigned long defaults[4] = {0, 0, 0, 0};
    for (int number = 1; number <= TERWATCH_LAST_SIGNAL; number++) {
        if (number == SIGKILL || number == SIGSTOP) continue;
        syscall(SYS_rt_sigaction, number, defaults, NULL, TERWATCH_LAST_SIGNAL / 8);
    }
}

/// Closes descriptors first..last (last may be ~0U), with close_range or, without it, one by one.
static void close_between(unsigned int first, unsigned int last) {
    if (first > last) return;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, first, last, 0) == 0) return;
#endif
    struct rlimit limit;
    unsigned int end = 65536;
    if (getrlimit(RLIMIT_NOFILE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < end) {
        end = (unsigned int)limit.rlim_cur;
    }
    for (unsigned int descriptor = first; descriptor < end && descriptor <= last; descriptor++) {
        close((int)descriptor);
    }
}

/// Puts streams[i] on descriptor i; a source below 3 is first moved out of the way, so swaps work.
static int set_up_streams(const int streams[3], int sources[3]) {
    for (int target = 0; target < 3; target++) {
        sources[target] = streams[target];
        if (sources[target] >= 0 && sources[target] < 3 && sources[target] != target) {
            sources[target] = fcntl(sources[target], F_DUPFD, 3);
            if (sources[target] < 0) return -1;
        }
    }
    for (int target = 0; target < 3; target++) {
        if (sources[target] < 0) continue;
        if (sources[target] == target) {
            // dup2 onto itself would keep a close-on-exec flag: clear it instead.
            if (fcntl(target, F_SETFD, 0) < 0) return -1;
        } else if (dup2(sources[target], target) < 0) {
            return -1;
        }
    }
    return 0;
}

/// Tells the group guard the new group before the child runs anything of its own.
///
/// With the guard gone the write fails with EPIPE and raises SIGPIPE, blocked here: it is
/// taken off again, or it would stay pending across execve and kill the command.
static void tell_guard(int guard_orders, pid_t group) {
    while (write(guard_orders, &group, sizeof group) < 0) {
        if (errno == EINTR) continue;
        if (errno == EPIPE) {
            unsigned long pipe_only[2] = {1UL << (SIGPIPE - 1), 0};
            struct timespec now = {0, 0};
            syscall(SYS_rt_sigtimedwait, pipe_only, NULL, &now, TERWATCH_LAST_SIGNAL / 8);
        }
        return;
    }
}

/// The child between fork and execve; never returns.
static void run_child(
    const char *path, char *const argv[], char *const envp[], const int streams[3], pid_t parent, int terminal,
    int guard_orders, int report_fd
) {
    pid_t parent_group = getpgrp();
    if (setpgid(0, 0) < 0) fail(report_fd, TERWATCH_SPAWN_SETUP);
    if (guard_orders >= 0) tell_guard(guard_orders, getpid());
    // A failure (the terminal went away) leaves the child in the background: it still runs.
    if (terminal >= 0 && tcgetpgrp(terminal) == parent_group) tcsetpgrp(terminal, getpid());
    if (prctl(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) < 0) fail(report_fd, TERWATCH_SPAWN_SETUP);
    // The parent died before the signal was armed: nobody would ever kill this child.
    if (getppid() != parent) _exit(127);
    reset_dispositions();
    int sources[3];
    if (set_up_streams(streams, sources) < 0) fail(report_fd, TERWATCH_SPAWN_SETUP);
    close_between(3, (unsigned int)report_fd - 1);
    close_between((unsigned int)report_fd + 1, ~0U);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    execve(path, argv, envp);
    fail(report_fd, TERWATCH_SPAWN_EXEC);
}

/// A close-on-exec pipe whose ends are both above 2, so the child's dup2 onto 0–2 cannot hit them.
static int report_pipe(int ends[2]) {
    if (pipe2(ends, O_CLOEXEC) < 0) return -1;
    for (int index = 0; index < 2; index++) {
        if (ends[index] > 2) continue;
        int moved = fcntl(ends[index], F_DUPFD_CLOEXEC, 3);
        int saved = errno;
        close(ends[index]);
        ends[index] = moved;
        if (moved < 0) {
            close(ends[1 - index]);
            errno = saved;
            return -1;
        }
    }
    return 0;
}

struct terwatch_spawn_outcome terwatch_spawn(
    const char *path, char *const argv[], char *const envp[], const int streams[3], pid_t parent, int terminal,
    int guard_orders
) {
    struct terwatch_spawn_outcome outcome = {-1, TERWATCH_SPAWN_STARTED, 0};
    int ends[2];
    if (report_pipe(ends) < 0) {
        outcome.step = TERWATCH_SPAWN_PIPE;
        outcome.error = errno;
        return outcome;
    }
    // No signal handler of this process may run in the child before its dispositions are reset.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    pid_t pid = fork();
    if (pid == 0) {
        close(ends[0]);
        run_child(path, argv, envp, streams, parent, terminal, guard_orders, ends[1]);
    }
    int fork_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(ends[1]);
    if (pid < 0) {
        close(ends[0]);
        outcome.step = TERWATCH_SPAWN_FORK;
        outcome.error = fork_error;
        return outcome;
    }
    outcome.pid = pid;
    struct report message;
    size_t received = 0;
    while (received < sizeof message) {
        ssize_t count = read(ends[0], (char *)&message + received, sizeof message - received);
        if (count < 0 && errno == EINTR) continue;
        if (count <= 0) break;
        received += (size_t)count;
    }
    close(ends[0]);
    if (received == sizeof message) {
        outcome.step = message.step;
        outcome.error = message.error;
        // The failed child may have taken the terminal: its zombie still holds the group id to compare.
        if (terminal >= 0) terwatch_hand_terminal(terminal, pid, getpgrp());
        while (waitpid(pid, NULL, 0) < 0 && errno == EINTR) {}
    }
    return outcome;
}

/// The group guard's whole life: follow the orders, then kill the last group at end of file.
static void run_group_guard(int orders) {
    pid_t group = 0;
    for (;;) {
        pid_t next;
        ssize_t count = read(orders, &next, sizeof next);
        if (count == (ssize_t)sizeof next) {
            group = next;
        } else if (count < 0 && errno == EINTR) {
            continue;
        } else {
            break;
        }
    }
    if (group > 0) kill(-group, SIGKILL);
    _exit(0);
}

pid_t terwatch_start_group_guard(int *orders, const int *kept, int kept_count) {
    if (kept_count < 0 || kept_count > TERWATCH_GUARD_KEPT_MAX) return -EINVAL;
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) return -errno;
    pid_t pid = fork();
    if (pid < 0) {
        int error = errno;
        close(ends[0]);
        close(ends[1]);
        return -error;
    }
    if (pid == 0) {
        // Only async-signal-safe calls from here: the parent is multithreaded.
        setsid();
        close(ends[1]);
        // Keep the pipe's read end and `kept`, in ascending order; close every other descriptor.
        int keep[TERWATCH_GUARD_KEPT_MAX + 1];
        int count = 0;
        keep[count++] = ends[0];
        for (int index = 0; index < kept_count; index++) {
            int position = count++;
            while (position > 0 && keep[position - 1] > kept[index]) {
                keep[position] = keep[position - 1];
                position--;
            }
            keep[position] = kept[index];
        }
        unsigned int next = 0;
        for (int index = 0; index < count; index++) {
            if ((unsigned int)keep[index] > next) close_between(next, (unsigned int)keep[index] - 1);
            next = (unsigned int)keep[index] + 1;
        }
        close_between(next, ~0U);
        run_group_guard(ends[0]);
    }
    close(ends[0]);
    *orders = ends[1];
    return pid;
}

int terwatch_set_child_subreaper(int on) {
    return prctl(PR_SET_CHILD_SUBREAPER, on ? 1 : 0, 0, 0, 0) == 0 ? 0 : errno;
}

int terwatch_is_child_subreaper(void) {
    int on = 0;
    if (prctl(PR_GET_CHILD_SUBREAPER, &on, 0, 0, 0) < 0) return -errno;
    return on ? 1 : 0;
}

int terwatch_hand_terminal(int terminal, pid_t from, pid_t to) {
    sigset_t stop_output, previous;
    sigemptyset(&stop_output);
    sigaddset(&stop_output, SIGTTOU);
    pthread_sigmask(SIG_BLOCK, &stop_output, &previous);
    int result = 0;
    pid_t foreground = tcgetpgrp(terminal);
    if (foreground < 0) {
        result = -errno;
    } else if (foreground == from) {
        result = tcsetpgrp(terminal, to) == 0 ? 1 : -errno;
    }
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    return result;
}
