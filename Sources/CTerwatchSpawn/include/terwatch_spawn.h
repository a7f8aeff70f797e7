// terwatch_spawn: start a child with fork + execve where posix_spawn cannot do
// what terwatch needs (a parent-death signal), and set the child-subreaper flag.
#ifndef TERWATCH_SPAWN_H
#define TERWATCH_SPAWN_H

#include <sys/types.h>

/// The step of `terwatch_spawn` that failed, or `TERWATCH_SPAWN_STARTED`.
enum terwatch_spawn_step {
    /// The child was forked and `execve` succeeded.
    TERWATCH_SPAWN_STARTED = 0,
    /// `pipe2` for the exec report failed in the parent.
    TERWATCH_SPAWN_PIPE = 1,
    /// `fork` failed in the parent.
    TERWATCH_SPAWN_FORK = 2,
    /// The child failed before `execve`: `setpgid`, `prctl` or `dup2`.
    TERWATCH_SPAWN_SETUP = 3,
    /// `execve` failed; `error` is its errno.
    TERWATCH_SPAWN_EXEC = 4,
};

/// What `terwatch_spawn` did.
struct terwatch_spawn_outcome {
    /// The child's pid when started; when a step in the child failed, the pid it had
    /// (already reaped); -1 when no child was forked.
    pid_t pid;
    /// A `terwatch_spawn_step`.
    int step;
    /// The errno of the failed step; 0 when started.
    int error;
};

/// Forks and execs `path` (already resolved: no PATH search) with `argv` and exactly `envp`.
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
/// Blocks every signal in the calling thread for the duration of the fork.
struct terwatch_spawn_outcome terwatch_spawn(
    const char *path, char *const argv[], char *const envp[], const int streams[3], pid_t parent, int terminal);

/// Makes process group `to` the foreground group of `terminal` if group `from` is, with
/// SIGTTOU blocked in the calling thread meanwhile (a background caller is not stopped);
/// returns 1 when handed over, 0 when `from` was not the foreground group, or minus the errno.
int terwatch_hand_terminal(int terminal, pid_t from, pid_t to);

/// Makes this process a child subreaper (`PR_SET_CHILD_SUBREAPER`) when `on` is nonzero, or
/// stops it being one; returns 0, or the errno.
int terwatch_set_child_subreaper(int on);

/// 1 when this process is a child subreaper, 0 when not, or minus the errno.
int terwatch_is_child_subreaper(void);

#endif
