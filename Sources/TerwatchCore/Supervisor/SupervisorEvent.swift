/// What the supervisor reports about its child, for the log and for the caller's decisions (rollback, exit).
public enum SupervisorEvent: Hashable, Sendable, CustomStringConvertible {
    /// A child started, with the configuration of `generation`.
    case started(pid: Int32, generation: Int)
    /// A child could not be started; the failure counts as an exit with `status` (127, 126 or 125).
    case spawnFailed(reason: String, status: ExitStatus)
    /// The stop signal went to the child's process group.
    case stopping(pid: Int32, signal: UnixSignal)
    /// The group outlived `--stop-timeout` and got SIGKILL.
    case stopTimedOut(pid: Int32)
    /// The child exited (and the rest of its process group is gone), after running for `uptime`.
    case exited(pid: Int32, status: ExitStatus, uptime: Duration)
    /// The child will be started again after `delay`; `attempt` counts restarts since the last stable run.
    case backingOff(attempt: Int, delay: Duration)
    /// The child of `generation` outlived the rollback window: that configuration runs healthily.
    case healthy(generation: Int)
    /// The child of `generation` failed within the rollback window; when `awaitingRollback`, the supervisor waits for `rollBack(to:)`.
    case unhealthy(generation: Int, status: ExitStatus, awaitingRollback: Bool)
    /// A signal was not sent because no child was running (see `Supervisor` for why it is not kept).
    case signalDropped(UnixSignal)
    /// A system call of the supervisor failed while watching the child, which was killed.
    case failure(String)
    /// The supervisor is done: terwatch exits with `status.code`.
    case finished(ExitStatus)

    /// One lowercase sentence for the log.
    public var description: String {
        switch self {
        case .started(let pid, let generation):
            "started child \(pid) with generation \(generation)"
        case .spawnFailed(let reason, _):
            reason
        case .stopping(let pid, let signal):
            "stopping child \(pid): \(signal) to its process group"
        case .stopTimedOut(let pid):
            "child \(pid) outlived the stop timeout: SIGKILL to its process group"
        case .exited(let pid, let status, let uptime):
            "child \(pid) \(status) after \(Self.seconds(uptime))"
        case .backingOff(let attempt, let delay):
            "restarting the child in \(Self.seconds(delay)) (attempt \(attempt))"
        case .healthy(let generation):
            "generation \(generation) is healthy: its child outlived the rollback window"
        case .unhealthy(let generation, let status, _):
            "generation \(generation) is unhealthy: its child \(status) within the rollback window"
        case .signalDropped(let signal):
            "\(signal) not forwarded: no child is running"
        case .failure(let reason):
            reason
        case .finished(let status):
            "done: exit status \(status.code)"
        }
    }

    /// `1.250s`.
    private static func seconds(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)s"
    }
}
