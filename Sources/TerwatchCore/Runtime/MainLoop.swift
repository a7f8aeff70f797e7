@_spi(ExperimentalCustomExecutors) import _Concurrency

/// Runs every task of the process on the main thread, with no thread that wakes on a timer while idle (see `MainLoopExecutor`).
///
/// `install()` must come first in `main`, before any task exists; then
/// `result(of:)` runs async work from the synchronous `main`.
public enum MainLoop {
    /// The process's default executor once `install()` has run.
    static let executor = MainLoopExecutor()

    /// Makes the main loop the default executor of every task the process starts from now on.
    public static func install() {
        _createExecutors(factory: Factory.self)
    }

    /// The result of `work`, run on the main loop, which the calling (main) thread drains until `work` is done.
    public static func result<T: Sendable>(of work: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>()
        Task.detached { box.value = await work() }
        executor.run { box.value != nil }
        return box.value!
    }

    /// The value a task hands to the thread draining the loop; both run on that thread.
    private final class ResultBox<T: Sendable>: @unchecked Sendable {
        var value: T?
    }

    /// The executors `install()` gives the runtime: the main loop for tasks, the platform's for the main actor, which terwatch does not use.
    private enum Factory: ExecutorFactory {
        static var mainExecutor: any MainExecutor { PlatformExecutorFactory.mainExecutor }
        static var defaultExecutor: any TaskExecutor { executor }
    }
}
