// terwatch_spawn: start a child with clone + execve where posix_spawn cannot do
// what terwatch needs (a parent-death signal), and set the child-subreaper flag.
#ifndef TERWATCH_SPAWN_H
#define TERWATCH_SPAWN_H

#include <sys/types.h>

/// The step of `terwatch_spawn` that failed, or `TERWATCH_SPAWN_STARTED`.
enum terwatch_spawn_step {
    /// The child was started and `execve` succeeded.
    TERWATCH_SPAWN_STARTED = 0,
    /// `pipe2` for the exec report failed in the parent.
    TERWATCH_SPAWN_PIPE = 1,
    /// `clone`, or the child's stack, failed in the parent.
    TERWATCH_SPAWN_FORK = 2,
    /// The child failed before `execve`: `setpgid`, `prctl` or `dup2`.
    TERWATCH_SPAWN_SETUP = 3,
    /// `execve` failed; `error` is its errno.
    TERWATCH_SPAWN_EXEC = 4,
};

/// What `terwatch_spawn` did.
struct terwatch_spawn_outcome {
    /// The child's pid when started; when a step in the child failed, the pid it had
    /// (already reaped); -1 when no child was started.
    pid_t pid;
    /// A `terwatch_spawn_step`.
    int step;
    /// The errno of the failed step; 0 when started.
    int error;
};

/// Starts (clone, sharing memory until the exec) and execs `path` (already resolved: no PATH search) with `argv` and exactly `envp`.
///
/// The child gets its own process group (the foreground group of `terminal` when
/// `terminal` is a descriptor of the controlling terminal and the caller's group is its
/// foreground group at that moment; -1: no terminal), `SIGKILL` as parent-death signal, every signal
/// at its default disposition and unblocked, `streams[i]` on descriptor i (-1 leaves
/// descriptor i as inherited), and no other descriptor above 2. `parent` is the caller's
/// pid (`getpid()`): a child whose parent is already gone when the signal is set exits
/// with status 127 at once.
///
/// The parent-death signal fires when the calling THREAD exits, not the process: call
/// this only from a thread that lives as long as the process. Returns once the child
/// has exec'd or failed; a failed child is reaped before returning, so nothing leaks, and
/// the terminal is given back to the caller's group if the failed child had taken it.
/// Blocks every signal in the calling thread for the duration of the clone. With `guard_orders`
/// (the write end of a group guard's pipe; -1: none), the child tells the guard its new group
/// itself, before it execs, so the guard knows the group before the command runs.
struct terwatch_spawn_outcome terwatch_spawn(
    const char *path, char *const argv[], char *const envp[], const int streams[3], pid_t parent, int terminal,
    int guard_orders);

/// Makes process group `to` the foreground group of `terminal` if group `from` is, with
/// SIGTTOU blocked in the calling thread meanwhile (a background caller is not stopped);
/// returns 1 when handed over, 0 when `from` was not the foreground group, or minus the errno.
int terwatch_hand_terminal(int terminal, pid_t from, pid_t to);

/// Starts the group guard: a process that outlives terwatch only to SIGKILL the process group
/// last written to it, so that a `kill -9` of terwatch takes the wrapped child's whole group
/// down, not only the child that the parent-death signal reaches.
///
/// The guard starts a session of its own (no signal aimed at terwatch's group or terminal
/// reaches it), keeps every signal blocked, shares the caller's memory where the
/// architecture allows (spawn.c) without ever writing to it, holds no
/// descriptor but the read end of a pipe and the `kept_count` descriptors of `kept` (at
/// most `TERWATCH_GUARD_KEPT_MAX`), and reads process-group ids from the pipe, each a whole
/// `pid_t` (0: no group). At end of file, which comes when terwatch is gone, however it
/// ended, it kills the last group (unless 0) and exits. On success, returns the guard's pid
/// and stores the pipe's write end (close-on-exec) in `orders`; returns minus the errno
/// otherwise.
pid_t terwatch_start_group_guard(int *orders, const int *kept, int kept_count);

/// How many descriptors `terwatch_start_group_guard` keeps open for the caller at most.
#define TERWATCH_GUARD_KEPT_MAX 8

/// Makes this process a child subreaper (`PR_SET_CHILD_SUBREAPER`) when `on` is nonzero, or
/// stops it being one; returns 0, or the errno.
int terwatch_set_child_subreaper(int on);

/// 1 when this process is a child subreaper, 0 when not, or minus the errno.
int terwatch_is_child_subreaper(void);

#endif
