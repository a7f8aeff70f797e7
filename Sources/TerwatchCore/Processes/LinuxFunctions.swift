import CTerwatchSpawn
import Glibc

/// glibc functions and constants that Swift's Glibc module does not import (GNU extensions and headers it leaves out), through the C shim `terwatch_linux.h`.
///
/// They are linked, not looked up at run time, so they work in a fully static executable too.
enum LinuxFunctions {
    /// A pidfd for `pid` (`pidfd_open(2)`); -1 with errno on failure.
    static func pidfdOpen(_ pid: pid_t) -> Int32 { terwatch_pidfd_open(pid, 0) }
    /// A new close-on-exec, non-blocking eventfd; -1 with errno on failure.
    static func eventfd() -> Int32 { terwatch_eventfd() }
    /// A pipe whose two ends are close-on-exec (`pipe2(2)`), written to `ends`; -1 with errno on failure.
    static func pipe(_ ends: UnsafeMutablePointer<Int32>) -> Int32 { terwatch_pipe_cloexec(ends) }
    /// Adds "close every descriptor from `lowest` up" to `actions` (`posix_spawn_file_actions_addclosefrom_np`).
    static func addCloseFrom(_ actions: UnsafeMutablePointer<posix_spawn_file_actions_t>, _ lowest: Int32) -> Int32 {
        terwatch_spawn_close_from(actions, lowest)
    }

    /// `POSIX_SPAWN_SETSID` from `<spawn.h>`.
    static let spawnSetSessionFlag = Int32(terwatch_spawn_setsid)
    /// `P_PIDFD` from `<sys/wait.h>`: `waitid` on a pidfd.
    static let waitOnPidfd = idtype_t(rawValue: UInt32(terwatch_wait_on_pidfd))
}
