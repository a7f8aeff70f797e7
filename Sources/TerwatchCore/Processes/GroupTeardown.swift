import Glibc
import Synchronization

/// Ends a process group on a schedule — at a deadline, each step's signal to the whole group, a grace period, then `SIGKILL` — and never signals it after its leader has been reaped.
///
/// The leader's waiter calls `leaderExited()` while the leader is still an unreaped zombie
/// (`ChildExitWatcher.exitStatus(of:beforeReaping:)`). Signals are sent under the same lock that
/// call takes, so every signal reaches a group whose id cannot have been reused. When the
/// teardown had begun, `leaderExited()` kills what is left of the group at once: a grandchild
/// that ignores `SIGTERM` does not outlive its leader.
final class GroupTeardown: Sendable {
    /// One signal to send, and how long to wait for the leader before the next.
    struct Step: Sendable {
        /// The signal sent to the group.
        var signal: Int32
        /// How long the group has to exit before the next step.
        var grace: Duration
    }

    private enum Phase {
        case waiting
        case signaled(Int32)
        case finished
    }

    /// The process group id (the leader's pid).
    let processGroup: pid_t
    /// The signals sent before the final `SIGKILL`.
    let steps: [Step]
    private let phase = Mutex(Phase.waiting)

    /// A teardown of group `processGroup` that sends `steps`, then `SIGKILL`.
    init(processGroup: pid_t, steps: [Step]) {
        self.processGroup = processGroup
        self.steps = steps
    }

    /// Sleeps until `deadline`, then works through the steps and `SIGKILL`, stopping once the leader has exited.
    ///
    /// Cancellation ends each sleep early: cancelled after `leaderExited()` it sends nothing, cancelled
    /// before it runs through every step at once.
    func run(until deadline: ContinuousClock.Instant) async {
        try? await Task.sleep(until: deadline, clock: .continuous)
        for step in steps {
            guard send(step.signal) else { return }
            try? await Task.sleep(for: step.grace)
        }
        _ = send(SIGKILL)
    }

    /// Records that the leader exited (call it before reaping); kills the rest of the group if the teardown had begun, and returns whether it had.
    func leaderExited() -> Bool {
        phase.withLock { phase in
            defer { phase = .finished }
            guard case .signaled(let last) = phase else { return false }
            if last != SIGKILL { kill(-processGroup, SIGKILL) }
            return true
        }
    }

    private func send(_ signal: Int32) -> Bool {
        phase.withLock { phase in
            if case .finished = phase { return false }
            // ESRCH (the group already empty) is fine: the leader's exit will be reported.
            kill(-processGroup, signal)
            phase = .signaled(signal)
            return true
        }
    }
}
