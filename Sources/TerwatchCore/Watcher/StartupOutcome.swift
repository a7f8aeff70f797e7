import Glibc
import Synchronization

/// How the inotify thread's start-up ended, set once by the thread and read by whoever waits for it: a task (`value()`) or a blocked caller (`wait()`).
final class StartupOutcome: @unchecked Sendable {
    typealias Value = InotifyThread.Started
    typealias Failure = InotifyError

    // `outcome` and `waiters` are guarded by `state`; the semaphore is posted once, after `outcome` is set.
    private let state = Mutex<(outcome: Result<Value, Failure>?, waiters: [CheckedContinuation<Value, any Error>])>(
        (nil, []))
    private let posted = UnsafeMutablePointer<sem_t>.allocate(capacity: 1)

    init() {
        sem_init(posted, 0, 0)
    }

    deinit {
        sem_destroy(posted)
        posted.deallocate()
    }

    /// Sets the outcome and resumes every waiting task; call once.
    func finish(_ outcome: Result<Value, Failure>) {
        let waiters = state.withLock { state in
            state.outcome = outcome
            defer { state.waiters = [] }
            return state.waiters
        }
        sem_post(posted)
        for waiter in waiters { waiter.resume(with: outcome.mapError { $0 }) }
    }

    /// The outcome, once set.
    func value() async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            let outcome: Result<Value, Failure>? = state.withLock { state in
                if state.outcome == nil { state.waiters.append(continuation) }
                return state.outcome
            }
            if let outcome { continuation.resume(with: outcome.mapError { $0 }) }
        }
    }

    /// The outcome, blocking the calling thread until it is set.
    func wait() -> Result<Value, Failure> {
        while sem_wait(posted) != 0 {}
        sem_post(posted)
        return state.withLock { $0.outcome! }
    }
}
