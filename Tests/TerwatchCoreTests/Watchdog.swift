import Foundation

/// Runs work that must not block on a thread of its own, and waits for it at most a deadline.
enum Watchdog {
    private struct Unchecked<T>: @unchecked Sendable {
        let value: T
    }

    private final class Handoff<T>: @unchecked Sendable {
        var value: T?
        let done = DispatchSemaphore(value: 0)
    }

    /// The result of `body`, or nil when it did not finish within `seconds` (it is then left running).
    static func run<T>(within seconds: Double = 10, _ body: @escaping () -> T) -> T? {
        let work = Unchecked(value: body)
        let handoff = Handoff<T>()
        Thread {
            handoff.value = work.value()
            handoff.done.signal()
        }.start()
        guard handoff.done.wait(timeout: .now() + seconds) == .success else { return nil }
        return handoff.value
    }
}
