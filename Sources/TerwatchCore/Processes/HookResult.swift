/// What running a hook came to: how it ended, whether it ran out of time, what it printed, how long it took.
public struct HookResult: Sendable {
    /// How the hook's shell ended.
    public var status: ExitStatus
    /// Whether the timeout expired and the hook's process group was signalled.
    public var timedOut: Bool
    /// The tail of its standard output and standard error, interleaved as written.
    public var output: OutputTail
    /// From just before the spawn to the reaping of the shell.
    public var duration: Duration

    /// Creates a result.
    public init(status: ExitStatus, timedOut: Bool, output: OutputTail, duration: Duration) {
        self.status = status
        self.timedOut = timedOut
        self.output = output
        self.duration = duration
    }

    /// Whether the hook exited with status 0 within its time.
    public var succeeded: Bool { !timedOut && status == .exited(0) }
}
