/// Every subscriber of the agent, each behind its own queue.
struct Subscribers: Sendable {
    private let queues: [SubscriberQueue]

    /// Queues in front of `subscribers`, in order.
    init(_ subscribers: [any Subscriber]) {
        queues = subscribers.map(SubscriberQueue.init)
    }

    /// Queues `event` for every subscriber that wants it; returns at once.
    func publish(_ event: AgentEvent) {
        for queue in queues { queue.post(event) }
    }

    /// Tells every subscriber that a reload check happened (a FIFO then retries its kept line).
    func nudge() {
        for queue in queues { queue.nudge() }
    }

    /// Runs every queue until `finish()` or cancellation.
    func run() async {
        await withTaskGroup(of: Void.self) { group in
            for queue in queues {
                group.addTask { await queue.run() }
            }
        }
    }

    /// Lets each queue end once its queued work is done.
    func finish() {
        for queue in queues { queue.finish() }
    }
}
