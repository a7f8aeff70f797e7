/// The debounce state machine: waits until no event came for the settle window, bounded by a maximum wait.
///
/// A pure value: no clock, no I/O. Time comes in with each input as a
/// `Duration` since any fixed origin the driver chooses. An event starts or
/// extends a pending change set; its deadline is the last event plus the
/// settle window, but never later than the first event plus the maximum wait,
/// so a file rewritten forever still reloads. With nothing pending the machine
/// asks for no timer at all.
public struct Debouncer: Sendable, Equatable {
    /// How long to wait.
    public struct Settings: Sendable, Equatable {
        /// Quiet time after the last event before delivering (`--debounce`); zero delivers on the next turn.
        public var settle: Duration
        /// The longest a change set waits after its first event, however often events keep coming.
        public var maximumWait: Duration

        /// Settings with `settle` (default 100 ms) and `maximumWait` (default: the larger of 10 × settle and 1 s).
        public init(settle: Duration = .milliseconds(100), maximumWait: Duration? = nil) {
            self.settle = max(settle, .zero)
            self.maximumWait = max(maximumWait ?? Self.defaultMaximumWait(settle: self.settle), self.settle)
        }

        /// The larger of 10 × `settle` and one second.
        public static func defaultMaximumWait(settle: Duration) -> Duration {
            max(settle * 10, .seconds(1))
        }
    }

    /// What happened, and when.
    public enum Input: Sendable, Equatable {
        /// The watcher reported an event at this time.
        case event(WatchEvent, at: Duration)
        /// A timer the driver armed went off at this time.
        case timer(at: Duration)
    }

    /// What the driver must do next.
    public enum Action: Sendable, Equatable {
        /// Nothing (in particular, arm no timer).
        case none
        /// Make sure a timer goes off at this time (an earlier armed one may stay: it is answered again).
        case wait(until: Duration)
        /// Hand this change set to the next stage.
        case deliver(ChangeSet)
    }

    private struct Pending: Sendable, Equatable {
        var first: Duration
        var last: Duration
        var changes: ChangeSet
    }

    /// The settings in force.
    public let settings: Settings
    private var pending: Pending?

    /// An idle debouncer.
    public init(settings: Settings = Settings()) {
        self.settings = settings
    }

    /// When the pending change set is due; nil when nothing is pending.
    public var deadline: Duration? {
        guard let pending else { return nil }
        return min(pending.last + settings.settle, pending.first + settings.maximumWait)
    }

    /// Takes one input and says what to do.
    public mutating func handle(_ input: Input) -> Action {
        switch input {
        case let .event(event, now):
            var next = pending ?? Pending(first: now, last: now, changes: ChangeSet())
            next.last = max(next.last, now)
            next.changes.absorb(event)
            pending = next
            return .wait(until: deadline!)
        case let .timer(now):
            guard let pending, let due = deadline else { return .none }
            guard now >= due else { return .wait(until: due) }
            self.pending = nil
            return .deliver(pending.changes)
        }
    }
}
