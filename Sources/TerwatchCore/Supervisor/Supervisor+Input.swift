extension Supervisor {
    /// What the caller asks of the supervisor: `start / stop / restart / signal`, plus configuration updates and the answer to a rollback.
    public enum Command: Hashable, Sendable {
        /// Start the first child with this configuration; ignored unless idle.
        case start(ChildConfiguration)
        /// Stop the child (this signal, or the policy's stop signal, to its group; SIGKILL after the stop timeout), then finish with its status.
        case stop(signal: UnixSignal?)
        /// Stop the child and start a new one with this configuration once the old one and its group are gone.
        case restart(ChildConfiguration)
        /// Send this signal to the child's process group; dropped, and reported, when no child runs.
        case signal(UnixSignal)
        /// Use this configuration for the next start (after a crash) without restarting now (`--on-change signal|none`).
        case update(ChildConfiguration)
        /// The answer to `unhealthy(…, awaitingRollback: true)`: start this configuration, or nil to carry on as if no rollback window were set.
        case rollBack(to: ChildConfiguration?)
    }

    /// What the supervisor is told, each with the time it happened (a `Duration` since any fixed origin).
    public enum Input: Hashable, Sendable {
        /// A command from the caller.
        case command(Command, at: Duration)
        /// The child asked for by `.spawn` runs (it has exec'd).
        case spawned(pid: Int32, at: Duration)
        /// The child asked for by `.spawn` could not be started; `status` is what the failure counts as.
        case spawnFailed(ExitStatus, reason: String, at: Duration)
        /// The child exited, and the rest of its process group is gone.
        case childExited(pid: Int32, ExitStatus, at: Duration)
        /// The child died of INT or QUIT while it held the terminal (Ctrl-C, Ctrl-backslash), and the rest of its group is gone: finish with its status, whatever the restart policy.
        case childInterrupted(pid: Int32, ExitStatus, at: Duration)
        /// The timer armed for `deadline` went off.
        case timerFired(at: Duration)
    }

    /// What the supervisor asks its shell to do, in order.
    public enum Action: Hashable, Sendable {
        /// Start a child with this configuration, in its own process group, and answer `.spawned` or `.spawnFailed`.
        case spawn(ChildConfiguration)
        /// Send a signal to the process group of the child whose pid is `group` (never after that child was reaped).
        case signal(UnixSignal, group: Int32)
        /// Tell the caller.
        case report(SupervisorEvent)
        /// The supervisor is done: terwatch exits with `status.code`.
        case exit(ExitStatus)
    }

    /// A child that runs (or is being stopped).
    public struct Child: Hashable, Sendable {
        /// Its pid, which is also its process-group id.
        public var pid: Int32
        /// The generation of the configuration it was started with.
        public var generation: Int
        /// When it started.
        public var since: Duration
        /// When its rollback window ends; nil when it is not on probation (no window, or its generation already proved healthy).
        public var probationEnds: Duration?
    }

    /// What a start in progress turns into once the child runs.
    public enum Pending: Hashable, Sendable {
        /// Stop it at once and start the newest configuration.
        case restart
        /// Stop it at once (with this signal, or the policy's) and finish.
        case stop(signal: UnixSignal?)
    }

    /// What follows a stop.
    public enum AfterStop: Hashable, Sendable {
        /// Start the newest configuration.
        case restart
        /// Finish with the child's status.
        case exit
    }

    /// Where the supervisor is.
    public enum State: Hashable, Sendable {
        /// Nothing started yet.
        case idle
        /// A child with this configuration is being spawned.
        case starting(ChildConfiguration, pending: Pending?)
        /// The child runs.
        case running(Child)
        /// The stop signal was sent; SIGKILL follows at `deadline` unless `killed` already.
        case stopping(Child, deadline: Duration, killed: Bool, then: AfterStop)
        /// The child exited by itself; the next one starts at `until`.
        case backingOff(until: Duration)
        /// A child failed within its rollback window; waiting for `rollBack(to:)`.
        case awaitingRollback(failed: ExitStatus)
        /// Done, with this status.
        case exited(ExitStatus)
    }
}
