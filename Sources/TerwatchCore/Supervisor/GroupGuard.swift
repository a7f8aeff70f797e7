import CTerwatchSpawn
import Glibc

/// A small process that kills the wrapped child's process group if terwatch dies without doing it (`kill -9`), started with `terwatch_start_group_guard`.
///
/// The parent-death signal reaches only the child itself; a server the child
/// started (`sh -c 'server'`, `npm start`) would live on. The guard holds the
/// read end of a pipe and is told each group as it starts (by the child
/// itself, before it execs, so no command runs unguarded) and, as 0, when it
/// has ended; end of file on the pipe means terwatch is gone, and the guard
/// then sends SIGKILL to the group it was last told. A group is withdrawn
/// while its leader is still an unreaped zombie (its id cannot be reused yet),
/// so the guard never kills a group that has meanwhile become someone else's.
/// When terwatch exits normally the last order is 0 and the guard simply exits.
///
/// The guard also keeps terwatch's inotify descriptor open. The kernel tears
/// an inotify instance down when its last descriptor closes, and that takes
/// one SRCU grace period (about 13 ms here), which terwatch's parent would
/// otherwise wait out before it learns terwatch's exit status; held by the
/// guard, the instance ends with the guard, which nobody waits for.
public final class GroupGuard: Sendable {
    /// The guard's pid.
    public let pid: Int32
    /// The write end of the guard's pipe; each child writes its group there itself, before it execs (`terwatch_spawn`).
    let orders: Int32

    /// Starts the guard, holding the inotify thread's descriptor if one runs.
    public init() throws(SupervisorError) {
        var orders: Int32 = -1
        let kept = InotifyThread.runningDescriptor.map { [$0] } ?? []
        let result = terwatch_start_group_guard(&orders, kept, Int32(kept.count))
        guard result > 0 else { throw .systemCall("starting the group guard", code: -result) }
        pid = result
        self.orders = orders
    }

    deinit {
        SystemCall.close(orders)
    }

    /// Tells the guard that no group needs it any more.
    public func withdraw() {
        var none: Int32 = 0
        // A pid_t is far below PIPE_BUF: the write is whole or fails (the guard is gone; nothing to do).
        _ = SystemCall.retrying { write(orders, &none, MemoryLayout<Int32>.size) }
    }
}
