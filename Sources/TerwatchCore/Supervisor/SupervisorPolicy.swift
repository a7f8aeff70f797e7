/// How the supervisor stops, restarts and judges its child: `--stop-signal`, `--stop-timeout`, `--restart`, `--rollback-window`.
public struct SupervisorPolicy: Hashable, Sendable {
    /// What happens when the child exits by itself.
    public var restart: RestartPolicy
    /// The delays between restarts after the child's own exits.
    public var backoff: Backoff
    /// The signal a stop sends to the child's process group (`--stop-signal`, default TERM).
    public var stopSignal: UnixSignal
    /// How long a stopped group has before it gets SIGKILL (`--stop-timeout`, default 10 s).
    public var stopTimeout: Duration
    /// How long a child of a configuration not yet proven healthy is watched (`--rollback-window`); nil: never.
    public var rollbackWindow: Duration?

    /// A policy; by default: never restart, stop with TERM, KILL after 10 s, no rollback window.
    public init(
        restart: RestartPolicy = .never,
        backoff: Backoff = Backoff(),
        stopSignal: UnixSignal = .terminate,
        stopTimeout: Duration = .seconds(10),
        rollbackWindow: Duration? = nil
    ) {
        self.restart = restart
        self.backoff = backoff
        self.stopSignal = stopSignal
        self.stopTimeout = stopTimeout
        self.rollbackWindow = rollbackWindow
    }
}
