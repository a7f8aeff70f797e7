import Synchronization

/// One subscriber's queue and the loop that drains it: events reach the subscriber in order, posting never waits.
///
/// Nudges coalesce: at most one waits in the queue at a time.
final class SubscriberQueue: Sendable {
    private enum Work: Sendable {
        case event(AgentEvent)
        case nudge
    }

    private let subscriber: any Subscriber
    private let work: AsyncStream<Work>
    private let feed: AsyncStream<Work>.Continuation
    private let nudgeQueued = Mutex(false)

    /// A queue in front of `subscriber`.
    init(_ subscriber: any Subscriber) {
        self.subscriber = subscriber
        (work, feed) = AsyncStream.makeStream()
    }

    /// Queues `event` if the subscriber wants it.
    func post(_ event: AgentEvent) {
        if subscriber.wants(event) { feed.yield(.event(event)) }
    }

    /// Queues a nudge unless one is already waiting.
    func nudge() {
        if nudgeQueued.withLock({ queued in defer { queued = true }; return !queued }) {
            feed.yield(.nudge)
        }
    }

    /// Hands the queued work to the subscriber until `finish()` or cancellation (which also cancels the work under way).
    func run() async {
        for await item in work {
            switch item {
            case .event(let event):
                await subscriber.receive(event)
            case .nudge:
                nudgeQueued.withLock { $0 = false }
                await subscriber.nudge()
            }
        }
    }

    /// Ends `run()` once the queued work is done.
    func finish() {
        feed.finish()
    }
}
