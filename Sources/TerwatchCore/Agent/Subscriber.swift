/// Someone the agent tells about events: a FIFO, the signal targets, an exec hook.
///
/// Each subscriber runs in a task of its own behind a `SubscriberQueue`, so
/// it may take its time or fail without holding up the watcher, another
/// subscriber or the next reload. It reports its own problems to the log.
protocol Subscriber: Sendable {
    /// Whether it is sent `rejected` events too (`--notify-rejections`; never the signal targets).
    var takesRejections: Bool { get }
    /// Handles one event; events arrive one at a time, in order.
    func receive(_ event: AgentEvent) async
    /// A reload check just happened, so a FIFO reader may have appeared meanwhile; most subscribers ignore it.
    func nudge() async
}

extension Subscriber {
    /// Whether `event` goes to this subscriber: every `reload`; a `rejected` one only when it takes rejections.
    func wants(_ event: AgentEvent) -> Bool {
        event.kind != .rejected || takesRejections
    }

    func nudge() async {}
}
