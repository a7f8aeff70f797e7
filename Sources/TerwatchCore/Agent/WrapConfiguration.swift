/// What wrap mode adds to the agent's configuration: the command and how its child is treated.
public struct WrapConfiguration: Hashable, Sendable {
    /// The command to run (`terwatch [OPTIONS] [--] COMMAND [ARG...]`).
    public var command: ChildCommand
    /// `--stop-signal`, `--stop-timeout`, `--restart`, `--rollback-window`.
    public var policy: SupervisorPolicy
    /// `--on-change`.
    public var onChange: ChangeAction
    /// `--signal`: what `--on-change signal` sends to the child's process group.
    public var signal: UnixSignal

    /// A configuration; by default the child is restarted on change and `HUP` is the change signal.
    public init(
        command: ChildCommand, policy: SupervisorPolicy = SupervisorPolicy(), onChange: ChangeAction = .restart,
        signal: UnixSignal = .hangup
    ) {
        self.command = command
        self.policy = policy
        self.onChange = onChange
        self.signal = signal
    }
}
