import Glibc

/// glibc functions that Swift's Glibc module does not import (GNU extensions and headers it leaves out), looked up once by name.
///
/// Each is nil when the running glibc lacks it; callers report that as `ENOSYS`.
enum LinuxFunctions {
    /// `int pidfd_open(pid_t, unsigned int)`, glibc ≥ 2.36.
    static let pidfdOpen = symbol("pidfd_open", as: (@convention(c) (pid_t, UInt32) -> Int32).self)
    /// `int eventfd(unsigned int, int)`.
    static let eventfd = symbol("eventfd", as: (@convention(c) (UInt32, Int32) -> Int32).self)
    /// `int pipe2(int [2], int)`: a pipe created close-on-exec in one step.
    static let pipe2 = symbol("pipe2", as: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
    /// `int posix_spawn_file_actions_addclosefrom_np(posix_spawn_file_actions_t *, int)`, glibc ≥ 2.34.
    static let addCloseFrom = symbol(
        "posix_spawn_file_actions_addclosefrom_np",
        as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)

    /// `POSIX_SPAWN_SETSID` from `<spawn.h>` (a GNU extension, so not imported).
    static let spawnSetSessionFlag: Int32 = 0x80
    /// `EFD_CLOEXEC` from `<sys/eventfd.h>` (equal to `O_CLOEXEC`).
    static let eventCloseOnExec: Int32 = O_CLOEXEC
    /// `P_PIDFD` from `<sys/wait.h>`: `waitid` on a pidfd.
    static let waitOnPidfd = idtype_t(rawValue: 3)

    private static func symbol<Function>(_ name: String, as type: Function.Type) -> Function? {
        // A nil handle is RTLD_DEFAULT: search every loaded object.
        guard let address = dlsym(nil, name) else { return nil }
        return unsafeBitCast(address, to: type)
    }
}
