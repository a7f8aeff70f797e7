import Dispatch

/// Runs async work from the synchronous `main` and blocks the main thread until it is done.
///
/// `main` stays synchronous so that `SignalCenter.start()` runs before the
/// concurrency runtime can start any thread; the work itself runs on the
/// global executor, never on the blocked main thread.
enum BlockingWait {
    private final class Box<T: Sendable>: @unchecked Sendable {
        var value: T?
    }

    /// The result of `work`, once it has finished.
    static func result<T: Sendable>(of work: @escaping @Sendable () async -> T) -> T {
        let box = Box<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}
