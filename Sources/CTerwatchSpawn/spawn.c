// clone + execve for the wrapped child, with a parent-death signal.
//
// posix_spawn cannot set PR_SET_PDEATHSIG, so this is the one place terwatch
// starts a child by hand. The child is a clone that shares terwatch's memory
// (CLONE_VM, CLONE_VFORK) on a stack of its own until it execs, the way glibc's
// posix_spawn starts one: no page table is copied and no page of terwatch's is
// copied on write afterwards (forking the child and the group guard cost about
// 0.9 ms of each start).
// The calling thread is suspended until the child has exec'd or exited, so the
// child may write the caller's errno; it writes nothing else the parent owns.
// Between clone and execve the child calls only async-signal-safe functions and
// raw system calls with every signal blocked (the parent is multithreaded: any
// lock another thread holds stays held), and its signal dispositions are a copy.
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
#include <sched.h>
#include <stdint.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#ifndef SYS_close_range
/// close_range(2) has the same number on every architecture (Linux 5.9).
#define SYS_close_range 436
#endif

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
    if (syscall(SYS_close_range, first, last, 0) == 0) return;
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

/// What the child needs, on the parent's stack (the child runs while the parent waits).
struct child_start {
    const char *path;
    char *const *argv;
    char *const *envp;
    const int *streams;
    pid_t parent;
    int terminal;
    int guard_orders;
    int report_fd;
    int report_read_fd;
};

/// The child between clone and execve; never returns.
static int run_child(void *argument) {
    const struct child_start *start = argument;
    const char *path = start->path;
    char *const *argv = start->argv;
    char *const *envp = start->envp;
    const int *streams = start->streams;
    pid_t parent = start->parent;
    int terminal = start->terminal;
    int guard_orders = start->guard_orders;
    int report_fd = start->report_fd;
    close(start->report_read_fd);
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
    return 127;
}

/// The size of the stack a child runs on until it execs.
#define TERWATCH_CHILD_STACK (64 * 1024)

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
    void *stack = mmap(NULL, TERWATCH_CHILD_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) {
        outcome.step = TERWATCH_SPAWN_FORK;
        outcome.error = errno;
        close(ends[0]);
        close(ends[1]);
        return outcome;
    }
    struct child_start start = {path, argv, envp, streams, parent, terminal, guard_orders, ends[1], ends[0]};
    // No signal handler of this process may run in the child before its dispositions are reset.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
    // Returns once the child has exec'd or exited: its stack is free again.
    pid_t pid = clone(run_child, (char *)stack + TERWATCH_CHILD_STACK, CLONE_VM | CLONE_VFORK | SIGCHLD, &start);
    int fork_error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    munmap(stack, TERWATCH_CHILD_STACK);
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

// The group guard shares terwatch's memory (CLONE_VM) for the rest of its life
// where raw system calls are written below: starting it copies no page table,
// no page of terwatch's is copied on write afterwards, and terwatch's exit
// leaves tearing its memory down to the guard. The guard must then never write
// to anything terwatch owns: it runs on a stack of its own that is never freed,
// with every signal blocked (no handler of terwatch's can run in it), and makes
// raw system calls only, since a libc wrapper writes errno (and cancellation
// state) in the thread that started it. Elsewhere the guard is forked.
#if defined(__x86_64__)
#define TERWATCH_GUARD_SHARES_MEMORY 1
/// A system call with up to three arguments; minus the errno on failure. Writes no memory.
static long guard_call(long number, long first, long second, long third) {
    long result;
    __asm__ volatile("syscall"
                     : "=a"(result)
                     : "a"(number), "D"(first), "S"(second), "d"(third)
                     : "rcx", "r11", "memory");
    return result;
}
#elif defined(__aarch64__)
#define TERWATCH_GUARD_SHARES_MEMORY 1
/// A system call with up to three arguments; minus the errno on failure. Writes no memory.
static long guard_call(long number, long first, long second, long third) {
    register long x8 __asm__("x8") = number;
    register long x0 __asm__("x0") = first;
    register long x1 __asm__("x1") = second;
    register long x2 __asm__("x2") = third;
    __asm__ volatile("svc 0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
    return x0;
}
#else
#define TERWATCH_GUARD_SHARES_MEMORY 0
/// A system call with up to three arguments; minus the errno on failure (a forked guard owns its errno).
static long guard_call(long number, long first, long second, long third) {
    long result = syscall(number, first, second, third);
    return result < 0 ? -errno : result;
}
#endif

/// What the guard starts with, at the top of its own stack.
struct guard_start {
    /// The read end of the orders pipe.
    int orders;
    /// The descriptors it keeps (the orders pipe and the caller's), ascending.
    int keep[TERWATCH_GUARD_KEPT_MAX + 1];
    int count;
};

/// The size of the guard's stack.
#define TERWATCH_GUARD_STACK (16 * 1024)

/// The group guard's whole life: close all it must not hold, follow the orders, then kill the last group at end of file.
static int run_group_guard(void *argument) {
    const struct guard_start *start = argument;
    guard_call(SYS_setsid, 0, 0, 0);
    unsigned int next = 0;
    for (int index = 0; index <= start->count; index++) {
        unsigned int last = index < start->count ? (unsigned int)start->keep[index] - 1 : ~0U;
        // close_range is Linux 5.9; before it, one close per possible descriptor.
        if (next <= last && guard_call(SYS_close_range, next, last, 0) < 0) {
            for (unsigned int descriptor = next; descriptor <= last && descriptor < 65536; descriptor++) {
                guard_call(SYS_close, descriptor, 0, 0);
            }
        }
        if (index < start->count) next = (unsigned int)start->keep[index] + 1;
    }
    pid_t group = 0;
    for (;;) {
        pid_t order;
        long count = guard_call(SYS_read, start->orders, (long)&order, sizeof order);
        if (count == (long)sizeof order) {
            group = order;
        } else if (count != -EINTR) {
            break;
        }
    }
    if (group > 0) guard_call(SYS_kill, -group, SIGKILL, 0);
    for (;;) guard_call(SYS_exit_group, 0, 0, 0);
    return 0;
}

pid_t terwatch_start_group_guard(int *orders, const int *kept, int kept_count) {
    if (kept_count < 0 || kept_count > TERWATCH_GUARD_KEPT_MAX) return -EINVAL;
    void *stack = mmap(NULL, TERWATCH_GUARD_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
    if (stack == MAP_FAILED) return -errno;
    int ends[2];
    if (pipe2(ends, O_CLOEXEC) != 0) {
        int error = errno;
        munmap(stack, TERWATCH_GUARD_STACK);
        return -error;
    }
    struct guard_start *start = (struct guard_start *)((char *)stack + TERWATCH_GUARD_STACK) - 1;
    start->orders = ends[0];
    start->count = 0;
    start->keep[start->count++] = ends[0];
    for (int index = 0; index < kept_count; index++) {
        int position = start->count++;
        while (position > 0 && start->keep[position - 1] > kept[index]) {
            start->keep[position] = start->keep[position - 1];
            position--;
        }
        start->keep[position] = kept[index];
    }
    // The guard keeps every signal blocked for good; the caller's mask is restored once it runs.
    sigset_t all, previous;
    sigfillset(&all);
    pthread_sigmask(SIG_SETMASK, &all, &previous);
#if TERWATCH_GUARD_SHARES_MEMORY
    void *top = (void *)((uintptr_t)start & ~(uintptr_t)15);
    pid_t pid = clone(run_group_guard, top, CLONE_VM | SIGCHLD, start);
#else
    pid_t pid = fork();
    if (pid == 0) run_group_guard(start);
#endif
    int error = errno;
    pthread_sigmask(SIG_SETMASK, &previous, NULL);
    close(ends[0]);
    if (pid < 0) {
        close(ends[1]);
        munmap(stack, TERWATCH_GUARD_STACK);
        return -error;
    }
#if !TERWATCH_GUARD_SHARES_MEMORY
    munmap(stack, TERWATCH_GUARD_STACK);
#endif
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
