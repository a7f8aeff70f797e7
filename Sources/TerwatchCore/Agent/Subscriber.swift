/// Someone the agent tells about events: a FIFO, the signal targets, an exec hook.
///
/// Each subscriber runs in a task of its own behind a `SubscriberQueue`, so
/// it may take its time or fail without holding up the watcher, another
/// subscriber or the next reload. It reports its own problems to the log.
protocol Subscriber: Sendable {
    /// Whether it is sent `rejected` events too (`--notify-rejections`; never the signal targets).
    var takesRejections: Bool { get }
    /// Whether it is sent the first generation's event too (only a wrapped child, which it starts).
    var takesFirstGeneration: Bool { get }
    /// Whether it is sent `rolled-back` events (all but the signal targets, which would re-read the failed files, and the child, which the rollback itself restarts).
    var takesRollbacks: Bool { get }
    /// Handles one event; events arrive one at a time, in order.
    func receive(_ event: AgentEvent) async
    /// A reload check just happened, so a FIFO reader may have appeared meanwhile; most subscribers ignore it.
    func nudge() async
}

extension Subscriber {
    /// Whether `event` goes to this subscriber: every `reload` but the first; the first, `rejected` and `rolled-back` ones only when it takes them.
    func wants(_ event: AgentEvent) -> Bool {
        if event.isFirst { return takesFirstGeneration }
        switch event.kind {
        case .reload: return true
        case .rejected: return takesRejections
        case .rolledBack: return takesRollbacks
        }
    }

    var takesFirstGeneration: Bool { false }

    var takesRollbacks: Bool { true }

    func nudge() async {}
}
