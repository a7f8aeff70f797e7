import Glibc

/// The wrapped child's lifecycle as a value state machine: commands and process events in, spawn / signal / report / exit actions out; no I/O, time comes in with the inputs.
///
/// How it works (`ChildSupervisor` is the I/O shell around it):
/// * A start spawns a child in its own process group. A stop sends the stop
///   signal (then SIGCONT, so a stopped child wakes to handle it) to the group
///   and arms `deadline` (now + stop timeout); if the
///   child has not exited by then, SIGKILL goes to the group. A child's exit is
///   reported by the shell only once the rest of its group is gone too, so a
///   restart never starts the new child next to the old one (the port is free).
/// * A restart during a restart: the stop under way is kept and, when the old
///   child is gone, the newest configuration starts. A change that arrives
///   while the old child stops or the new one is being spawned therefore
///   causes exactly one more start, with the newest configuration: never zero
///   (it is not lost), never a loop. During shutdown, restarts are ignored.
/// * Signals go to the running child's group, or to a child being stopped (its
///   pid is not reaped yet, so the group id is still its own). With no child
///   running — before the first start, while spawning, backing off or waiting
///   for a rollback — a signal is dropped and reported (`signalDropped`), not
///   kept (one that arrives while a child is being spawned, the start of a
///   restart included, is kept and sent once it runs, so it is neither lost nor
///   sent to a stale pid): the next child starts fresh, with the newest configuration and the
///   current terminal size, so a reload or resize signal has nothing left to
///   do, and a signal that reached a child before it installed its handlers
///   would kill it (USR1, USR2 and HUP terminate by default). The caller turns
///   TERM, INT and QUIT into `stop(signal:)`, which is never dropped.
/// * A child that exits by itself: `--restart never` finishes with its status;
///   otherwise the next child starts after a `Backoff` delay (`backingOff`).
///   A spawn failure counts as an exit with 127, 126 or 125, except for the
///   very first start, which always finishes (the command cannot run at all).
/// * Health (`--rollback-window D`): a child whose generation has not yet
///   proved healthy is on probation for D. If it outlives D, the machine
///   reports `healthy(generation)`; if it exits non-zero or by signal within D,
///   it reports `unhealthy(generation)`. When some other generation proved
///   healthy, it then waits (`awaitingRollback`) for the caller, who owns the
///   configurations, to answer `rollBack(to:)` with the configuration to start,
///   or nil to apply the restart policy instead.
/// * A child interrupted at its terminal (`childInterrupted`: it died of INT or
///   QUIT typed there) finishes the machine like a stop, never restarts:
///   Ctrl-C ends terwatch as it ends any foreground job.
/// * `stop` with no child finishes with the last child's status, or 128 + the
///   stop signal when no child ever ran.
public struct Supervisor: Hashable, Sendable {
    /// SIGCONT, sent after every stop signal but KILL.
    static let resume = UnixSignal(number: SIGCONT)!

    /// The policy in force.
    public let policy: SupervisorPolicy
    /// Where the machine is.
    public internal(set) var state: State = .idle
    /// The configuration the next child starts with: the newest one given.
    public internal(set) var configuration: ChildConfiguration?
    /// Restarts since the last stable run or new configuration (the backoff attempt).
    public internal(set) var failures = 0
    /// The last generation whose child outlived the rollback window.
    public internal(set) var healthyGeneration: Int?
    /// How the last child ended (a spawn failure counts).
    public internal(set) var lastStatus: ExitStatus?
    /// Whether any child ever started; a spawn failure before that finishes the machine.
    public internal(set) var hasStarted = false
    /// Signals that arrived while a child was being spawned, for it once it runs.
    var signalsWhileStarting: [UnixSignal] = []

    /// An idle machine with `policy`.
    public init(policy: SupervisorPolicy = SupervisorPolicy()) {
        self.policy = policy
    }

    /// When the shell must feed `.timerFired`: the stop timeout, the end of a backoff or of a rollback window; nil when no timer is needed.
    public var deadline: Duration? {
        switch state {
        case .running(let child): child.probationEnds
        case .stopping(_, let deadline, let killed, _): killed ? nil : deadline
        case .backingOff(let until): until
        case .idle, .starting, .awaitingRollback, .exited: nil
        }
    }

    /// Whether the machine has finished.
    public var isFinished: Bool {
        if case .exited = state { return true }
        return false
    }

    /// Feeds one input and returns what to do, in order.
    public mutating func handle(_ input: Input) -> [Action] {
        switch input {
        case .command(let command, let now): handle(command, at: now)
        case .spawned(let pid, let now): spawned(pid, at: now)
        case .spawnFailed(let status, let reason, let now): spawnFailed(status, reason: reason, at: now)
        case .childExited(let pid, let status, let now): childExited(pid, status, at: now)
        case .childInterrupted(let pid, let status, let now): childInterrupted(pid, status, at: now)
        case .timerFired(let now): timerFired(at: now)
        }
    }

    private mutating func handle(_ command: Command, at now: Duration) -> [Action] {
        switch command {
        case .start(let configuration):
            guard case .idle = state else { return [] }
            self.configuration = configuration
            return launch()
        case .stop(let signal):
            return stop(signal, at: now)
        case .restart(let configuration):
            return restart(configuration, at: now)
        case .signal(let signal):
            switch state {
            case .running(let child), .stopping(let child, _, _, _): return [.signal(signal, group: child.pid)]
            case .starting:
                // The child is being spawned (its own `ready` may already be out): it gets the signal once it runs.
                signalsWhileStarting.append(signal)
                return []
            case .idle, .backingOff, .awaitingRollback, .exited: return [.report(.signalDropped(signal))]
            }
        case .update(let configuration):
            if !isFinished { self.configuration = configuration }
            return []
        case .rollBack(let configuration):
            guard case .awaitingRollback(let failed) = state else {
                return configuration.map { restart($0, at: now) } ?? []
            }
            guard let configuration else { return applyRestartPolicy(after: failed, at: now) }
            self.configuration = configuration
            failures = 0
            return launch()
        }
    }
}
