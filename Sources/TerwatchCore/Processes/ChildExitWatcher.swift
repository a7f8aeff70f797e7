import Glibc
import Synchronization

/// Awaits the exit of children this process spawned, one pidfd each, on one thread blocked in `poll()`; it never waits on a child it was not asked about.
///
/// `exitStatus(of:)` opens a pidfd for the pid and hands it to the watcher thread through a
/// mutex-guarded queue and an eventfd. The thread sleeps in `poll()` with no timeout on the
/// eventfd and every registered pidfd, so an idle process makes no wake-ups. When a pidfd turns
/// readable the thread reads the status with `waitid(P_PIDFD, …, WEXITED | WNOWAIT)`, which
/// leaves the child a zombie, and resumes the waiting task; that task then reaps the child
/// through the same pidfd. Until then the zombie keeps its pid — and so its process-group id —
/// from being reused, which is what makes a signal to the group safe right up to the reap
/// (`beforeReaping`). A child that exited before it was awaited is still seen: a pidfd opens on a
/// zombie, and a first `waitid(…, WNOHANG | WNOWAIT)` returns its status without involving the
/// thread (it also refuses at once a pid that is not our child). Because every wait names one
/// pidfd, statuses of children started by other code (`Foundation.Process`, a library) are never
/// taken.
///
/// Orphan reaping for PID 1 (not built): as PID 1 or a subreaper, orphans re-parented to
/// terwatch must be reaped too, which needs `waitid(P_ALL, …)` and would take the statuses of
/// registered children before their pidfds report. That mode would add `SIGCHLD` (through a
/// signalfd) to the thread's poll set and, on each report, loop `waitid(P_ALL, WEXITED | WNOHANG)`,
/// delivering the status of a registered pid to its waiter and dropping the rest. Registration
/// then has to happen before the child can exit unseen: the spawner registers the pid while
/// holding the watcher's lock across `posix_spawn`, so a status that arrives first finds its
/// waiter, or is kept for it. The public API stays the same; only `beforeReaping` loses its
/// guarantee, since the reaper no longer leaves zombies.
public final class ChildExitWatcher: Sendable {
    /// The watcher shared by the whole process; its thread starts on first use and is never stopped.
    public static let shared = ChildExitWatcher()

    /// One child being waited for: its pidfd and the task to resume with its status.
    struct Registration: Sendable {
        let pidfd: Int32
        let continuation: CheckedContinuation<Result<ExitStatus, ProcessError>, Never>
    }

    /// What the waiting tasks share with the thread.
    struct State {
        /// The eventfd that wakes the thread; nil until the thread has started.
        var wake: WakeUpEvent?
        /// Registrations the thread has not taken yet.
        var incoming: [Registration] = []
        /// Set by `shutdown`; no registration is accepted afterwards.
        var stopping = false
        /// Whether the thread has exited.
        var stopped = false
        /// Tasks waiting in `shutdown` for the thread to exit.
        var stopWaiters: [CheckedContinuation<Void, Never>] = []
    }

    let state = Mutex(State())

    /// A watcher with no thread yet; it starts one on the first `exitStatus(of:)`.
    public init() {}

    /// Waits for child `pid` to exit, reaps it and returns how it ended.
    ///
    /// Not cancellable: a child is always reaped. To stop waiting, end the child.
    public func exitStatus(of pid: pid_t) async throws(ProcessError) -> ExitStatus {
        try await exitStatus(of: pid, beforeReaping: { _ in })
    }

    /// Waits for child `pid` to exit, calls `beforeReaping` while it is still a zombie (its pid and process-group id cannot be reused yet), then reaps it.
    public func exitStatus(
        of pid: pid_t, beforeReaping: (ExitStatus) -> Void
    ) async throws(ProcessError) -> ExitStatus {
        let pidfd = LinuxFunctions.pidfdOpen(pid)
        guard pidfd >= 0 else { throw .systemCall(.pidfdOpen, code: errno) }
        defer { SystemCall.close(pidfd) }
        // Fails at once for a process that is not our child, and spares the thread a child that has already exited.
        let status: ExitStatus
        if let exited = try Self.peekStatus(pidfd, waiting: false) {
            status = exited
        } else {
            status = try await withCheckedContinuation { continuation in
                register(Registration(pidfd: pidfd, continuation: continuation))
            }.get()
        }
        beforeReaping(status)
        var info = siginfo_t()
        guard SystemCall.retrying({ waitid(LinuxFunctions.waitOnPidfd, id_t(pidfd), &info, WEXITED | WNOHANG) }) == 0
        else { throw .systemCall(.waitid, code: errno) }
        return status
    }

    /// How the child behind `pidfd` ended, leaving it a zombie for its waiter to reap; nil when it is still running (only when not `waiting`).
    static func peekStatus(_ pidfd: Int32, waiting: Bool) throws(ProcessError) -> ExitStatus? {
        var info = siginfo_t()
        let flags = WEXITED | WNOWAIT | (waiting ? 0 : WNOHANG)
        guard SystemCall.retrying({ waitid(LinuxFunctions.waitOnPidfd, id_t(pidfd), &info, flags) }) == 0 else {
            throw .systemCall(.waitid, code: errno)
        }
        // With WNOHANG and the child still running, waitid succeeds and leaves the record zeroed.
        guard info._sifields._sigchld.si_pid != 0 else { return nil }
        guard let status = ExitStatus(info) else { throw .systemCall(.waitid, code: ECHILD) }
        return status
    }

    /// Stops the thread and waits until it is done; children still awaited fail with `watcherStopped` and are not reaped.
    public func shutdown() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let alreadyStopped = state.withLock { state in
                state.stopping = true
                guard let wake = state.wake, !state.stopped else { return true }
                state.stopWaiters.append(continuation)
                wake.signal()
                return false
            }
            if alreadyStopped { continuation.resume() }
        }
    }

    /// Starts the thread now instead of at the first wait, so the first child's exit is not held up by a thread starting.
    public func prepare() {
        state.withLock { state in
            guard !state.stopping else { return }
            // A thread that cannot start now is tried again, and reported, at the first wait.
            try? startThread(&state)
        }
    }

    private func register(_ registration: Registration) {
        let failure: ProcessError? = state.withLock { state in
            if state.stopping { return .watcherStopped }
            do throws(ProcessError) {
                try startThread(&state)
            } catch {
                return error
            }
            state.incoming.append(registration)
            state.wake?.signal()
            return nil
        }
        if let failure { registration.continuation.resume(returning: .failure(failure)) }
    }

    /// Starts the thread unless it runs already.
    private func startThread(_ state: inout State) throws(ProcessError) {
        guard state.wake == nil else { return }
        state.wake = try WakeUpEvent.startingThread(named: "terwatch-exits") { [self] in run(wake: $0) }
    }
}
