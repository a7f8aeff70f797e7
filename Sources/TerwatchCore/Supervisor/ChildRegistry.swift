import Synchronization

/// The children this process waits for itself, by pid: what the orphan reaper must never reap.
///
/// A pid is added under the registry's lock in the same critical section as
/// the clone or spawn that creates it, and the orphan reaper holds the same lock while
/// it picks zombies to reap: so a child that exits at once is never mistaken
/// for an orphan. Its owner removes the pid after reaping it (`release`).
/// Every code path that starts a child while the orphan reaper runs must
/// spawn through `launching` (the executable's hooks included).
public final class ChildRegistry: Sendable {
    /// The registry of the whole process.
    public static let shared = ChildRegistry()

    private let owned = Mutex(Set<Int32>())

    /// An empty registry.
    public init() {}

    /// Runs `spawn` holding the lock and records the pid `startedPid` finds in its outcome (nil: nothing started).
    public func launching<Outcome: Sendable>(_ spawn: () -> Outcome, startedPid: (Outcome) -> Int32?) -> Outcome {
        owned.withLock { owned in
            let outcome = spawn()
            if let pid = startedPid(outcome) { owned.insert(pid) }
            return outcome
        }
    }

    /// Forgets `pid`; call after reaping it.
    public func release(_ pid: Int32) {
        _ = owned.withLock { $0.remove(pid) }
    }

    /// Whether `pid` is a child some code of this process waits for.
    public func owns(_ pid: Int32) -> Bool {
        owned.withLock { $0.contains(pid) }
    }

    /// Runs `body` with the owned pids, holding the lock (no child is spawned meanwhile).
    func withOwned<Result: Sendable>(_ body: (Set<Int32>) -> Result) -> Result {
        owned.withLock { body($0) }
    }
}
