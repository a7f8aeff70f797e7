import CTerwatchSpawn
import Glibc

/// Reaps the orphans re-parented to terwatch (as PID 1, or as a child subreaper) without ever taking the status of a child terwatch waits for itself.
///
/// This is the "PID 1 mode" `ChildExitWatcher` leaves out, built beside it
/// instead of inside it: the watcher keeps waiting on one pidfd per child, and
/// the reaper only takes children that are *not* in the `ChildRegistry`.
///
/// One pass (`reapExited`), holding the registry lock so no child is spawned
/// meanwhile:
/// 1. Peek with `waitid(P_ALL, WEXITED | WNOHANG | WNOWAIT)`: it names an
///    exited child without reaping it.
/// 2. If that child is not registered, reap exactly it with
///    `waitid(P_PID, pid, WEXITED | WNOHANG)`, and peek again.
/// 3. If it is registered, it stays a zombie for its owner to reap, and it
///    would be named again by every further peek, hiding the children behind
///    it. Then the pass lists this process's children
///    (`/proc/self/task/*/children`) and reaps each unregistered one that has
///    exited, by pid. Its owner's reap (and the `poke` that follows) or the
///    next SIGCHLD starts another pass.
/// A plain `waitpid(-1)` would be simpler and wrong: it takes whichever child
/// exited first, including one whose status its owner is about to read.
///
/// Passes run on every SIGCHLD notice (`run(notices:report:)`; the kernel
/// merges SIGCHLDs, so a pass always loops until nothing is left) and on every
/// `poke`, which the supervisor sends after reaping its own child. Enable it
/// only in the executable: in a shared process (the test runner) other code
/// waits for children it never registered, and the reaper would take their
/// statuses.
public final class OrphanReaper: Sendable {
    /// One orphan reaped: its pid and how it ended.
    public struct Reaped: Hashable, Sendable {
        /// The orphan's pid.
        public var pid: Int32
        /// How it ended.
        public var status: ExitStatus
    }

    /// The children not to reap.
    public let registry: ChildRegistry
    private let pokes: AsyncStream<Void>
    private let pokeFeed: AsyncStream<Void>.Continuation

    /// A reaper that leaves the children in `registry` alone.
    public init(registry: ChildRegistry = .shared) {
        self.registry = registry
        (pokes, pokeFeed) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    /// Makes this process a child subreaper, so orphans of its descendants are re-parented to it rather than to PID 1.
    public static func becomeSubreaper() throws(SupervisorError) {
        let code = terwatch_set_child_subreaper(1)
        guard code == 0 else { throw .systemCall("prctl(PR_SET_CHILD_SUBREAPER)", code: code) }
    }

    /// Whether this process is a child subreaper.
    public static var isSubreaper: Bool {
        terwatch_is_child_subreaper() == 1
    }

    /// Asks for a pass soon (after a child of ours was reaped); passes asked for meanwhile merge into one.
    public func poke() {
        pokeFeed.yield()
    }

    /// Runs a pass for each element of `notices` (SIGCHLD) and each `poke`, handing what it reaped to `report`, until the task is cancelled.
    public func run<Notices: AsyncSequence & Sendable>(
        notices: Notices, report: @Sendable ([Reaped]) -> Void
    ) async where Notices.Failure == Never {
        let forwarder = Task { [pokeFeed] in
            for await _ in notices { pokeFeed.yield() }
        }
        defer { forwarder.cancel() }
        // A first pass for orphans that exited before anyone listened.
        pokeFeed.yield()
        for await _ in pokes {
            if Task.isCancelled { return }
            let reaped = reapExited()
            if !reaped.isEmpty { report(reaped) }
        }
    }

    /// One pass: reaps every exited child that is not registered; returns them in the order reaped.
    public func reapExited() -> [Reaped] {
        registry.withOwned { owned in
            var reaped: [Reaped] = []
            while let pid = Self.peekExited() {
                if owned.contains(pid) { return reaped + Self.reapListed(except: owned) }
                guard let orphan = Self.reap(pid) else { break }
                reaped.append(orphan)
            }
            return reaped
        }
    }

    /// Reaps every exited child of this process listed in `/proc/self/task/*/children` except `owned` (step 3 of a pass).
    static func reapListed(except owned: Set<Int32>) -> [Reaped] {
        childrenOfThisProcess().filter { !owned.contains($0) }.compactMap(reap)
    }

    /// The pid of some exited child, left unreaped; nil when none has exited (or there are no children).
    private static func peekExited() -> Int32? {
        var info = siginfo_t()
        guard SystemCall.retrying({ waitid(P_ALL, 0, &info, WEXITED | WNOHANG | WNOWAIT) }) == 0 else { return nil }
        let pid = info._sifields._sigchld.si_pid
        return pid == 0 ? nil : pid
    }

    /// Reaps child `pid` if it has exited; nil when it has not (or is no child of ours).
    private static func reap(_ pid: Int32) -> Reaped? {
        var info = siginfo_t()
        guard SystemCall.retrying({ waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG) }) == 0,
              info._sifields._sigchld.si_pid == pid, let status = ExitStatus(info) else { return nil }
        return Reaped(pid: pid, status: status)
    }

    /// The children of every thread of this process, zombies included, from `/proc/self/task/*/children`.
    static func childrenOfThisProcess() -> [Int32] {
        guard let tasks = try? FileSystem.names(in: "/proc/self/task") else { return [] }
        return tasks.flatMap { task -> [Int32] in
            guard let bytes = try? FileSystem.contents(of: "/proc/self/task/\(task)/children", limit: 1 << 20) else {
                return []
            }
            return String(decoding: bytes, as: UTF8.self).split(separator: " ").compactMap { SignalTarget.processID(String($0)) }
        }
    }
}
