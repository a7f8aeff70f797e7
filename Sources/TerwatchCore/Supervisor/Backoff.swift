/// The delays between restarts of a child that keeps exiting by itself: exponential, capped, and forgotten once a child stays up.
///
/// The first restart waits `initial` (100 ms), each further one twice as long
/// as the one before, never more than `maximum` (30 s): 0.1, 0.2, 0.4 … 25.6,
/// 30, 30 … seconds. A child that ran at least `resetAfter` (10 s) before it
/// exited counts as a fresh start: its restart waits `initial` again. A new
/// configuration (a restart or rollback command) also starts the count over.
public struct Backoff: Hashable, Sendable {
    /// The delay before the first restart.
    public var initial: Duration
    /// The longest delay.
    public var maximum: Duration
    /// How long a child must stay up for the next restart to count as a first one.
    public var resetAfter: Duration

    /// A backoff of 100 ms doubling up to 30 s, reset after 10 s of uptime, unless told otherwise.
    public init(initial: Duration = .milliseconds(100), maximum: Duration = .seconds(30), resetAfter: Duration = .seconds(10)) {
        self.initial = initial
        self.maximum = max(maximum, initial)
        self.resetAfter = resetAfter
    }

    /// The delay before restart number `attempt` (1 for the first restart after a stable run).
    public func delay(attempt: Int) -> Duration {
        var delay = initial
        for _ in 1..<max(attempt, 1) {
            guard delay < maximum else { break }
            delay *= 2
        }
        return min(delay, maximum)
    }
}
