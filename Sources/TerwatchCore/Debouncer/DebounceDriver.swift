/// Runs a `Debouncer` on the continuous clock: the thin async shell around the state machine.
///
/// Watcher events and timer expiries are merged into one stream and fed to
/// the machine in arrival order. A timer is a single `Task.sleep(until:)` to
/// the machine's deadline, armed only while a change set is pending: an idle
/// driver sleeps in `for await` and never wakes.
public struct DebounceDriver: Sendable {
    /// The debounce settings.
    public let settings: Debouncer.Settings

    /// A driver with these settings.
    public init(settings: Debouncer.Settings = Debouncer.Settings()) {
        self.settings = settings
    }

    private enum Signal: Sendable {
        case event(WatchEvent)
        case timer(id: Int)
        case end
    }

    /// Reads `events` until they end or the task is cancelled, handing each settled change set to `deliver`.
    ///
    /// A change set still settling when `events` ends is dropped. Events that
    /// arrive while `deliver` runs are kept for the next change set.
    public func run(
        _ events: some AsyncSequence<WatchEvent, Never> & Sendable,
        deliver: (ChangeSet) async -> Void
    ) async {
        let clock = ContinuousClock()
        let origin = clock.now
        let (signals, feed) = AsyncStream<Signal>.makeStream()
        let forwarder = Task {
            for await event in events { feed.yield(.event(event)) }
            feed.yield(.end)
        }
        var machine = Debouncer(settings: settings)
        var timer: (id: Int, deadline: Duration, task: Task<Void, Never>)?
        var timerCount = 0
        defer {
            forwarder.cancel()
            timer?.task.cancel()
        }
        loop: for await signal in signals {
            let now = clock.now - origin
            let action: Debouncer.Action
            switch signal {
            case .event(let event):
                action = machine.handle(.event(event, at: now))
            case .timer(let id):
                guard id == timer?.id else { continue }
                timer = nil
                action = machine.handle(.timer(at: now))
            case .end:
                break loop
            }
            switch action {
            case .none:
                break
            case .wait(let deadline):
                if let armed = timer, armed.deadline <= deadline { continue }
                timer?.task.cancel()
                timerCount += 1
                let id = timerCount
                timer = (id, deadline, Task {
                    try? await clock.sleep(until: origin + deadline)
                    if !Task.isCancelled { feed.yield(.timer(id: id)) }
                })
            case .deliver(let changes):
                await deliver(changes)
            }
        }
    }
}
