import Synchronization

/// Hands the inotify thread's reports to one async consumer in batches.
///
/// The thread posts each report and rings a doorbell that holds at most one
/// ring; the consumer takes everything posted so far, so a burst that
/// arrives while it is busy becomes one batch.
final class EventMailbox: Sendable {
    /// What the consumer takes at once.
    struct Batch: Sendable, Equatable {
        var events: [InotifyEvent] = []
        var failure: InotifyError?
    }

    private let pending = Mutex(Batch())
    private let doorbell: AsyncStream<Void>
    private let ring: AsyncStream<Void>.Continuation

    init() {
        (doorbell, ring) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Posts one report; called on the inotify thread.
    func post(_ report: InotifyThread.Report) {
        pending.withLock { batch in
            switch report {
            case .event(let event): batch.events.append(event)
            case .failed(let error): batch.failure = error
            }
        }
        ring.yield()
    }

    /// Ends the batches; `batches()` then finishes.
    func close() {
        ring.finish()
    }

    /// Every batch posted until `close()`, each non-empty.
    func batches() -> AsyncCompactMapSequence<AsyncStream<Void>, Batch> {
        doorbell.compactMap { [self] in
            let batch = takeAll()
            return batch.events.isEmpty && batch.failure == nil ? nil : batch
        }
    }

    private func takeAll() -> Batch {
        pending.withLock { batch in
            defer { batch = Batch() }
            return batch
        }
    }
}
