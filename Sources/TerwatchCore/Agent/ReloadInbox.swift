import Synchronization

/// Hands reload requests to the agent's one reload loop, merging every request posted while the loop was busy.
///
/// Posting never waits: the request merges into the pending one and a
/// doorbell holding at most one ring is rung. The loop takes the merged
/// request at each ring.
final class ReloadInbox: Sendable {
    private struct State {
        var pending: ReloadRequest?
        var closed = false
    }

    private let state = Mutex(State())
    private let doorbell: AsyncStream<Void>
    private let ring: AsyncStream<Void>.Continuation

    init() {
        (doorbell, ring) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Adds `request` to the pending one; callable from any task or thread.
    func post(_ request: ReloadRequest) {
        state.withLock { state in
            guard !state.closed else { return }
            if state.pending == nil {
                state.pending = request
            } else {
                state.pending!.merge(request)
            }
        }
        ring.yield()
    }

    /// Ends `requests()`; a request still pending is dropped, later ones are ignored.
    func close() {
        state.withLock { state in
            state.closed = true
            state.pending = nil
        }
        ring.finish()
    }

    /// Every merged request until `close()` (or until the consuming task is cancelled).
    func requests() -> AsyncCompactMapSequence<AsyncStream<Void>, ReloadRequest> {
        doorbell.compactMap { [self] in
            state.withLock { state in
                defer { state.pending = nil }
                return state.pending
            }
        }
    }
}
