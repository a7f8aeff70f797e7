import CTerwatchSpawn
import Glibc
import Synchronization

/// Starts supervised children with `terwatch_spawn` (clone + execve, parent-death signal SIGKILL) from one thread that lives as long as the process.
///
/// `PR_SET_PDEATHSIG` fires when the thread that started the child exits, not
/// when the process does. The main thread lives as long as the process, so a
/// launch from it (every task of the `terwatch` binary runs there, `MainLoop`)
/// starts the child at once. A Swift task elsewhere may run on any thread of the
/// cooperative pool, and nothing promises those threads live forever, so
/// such a spawn is handed to a thread of the launcher's own ("terwatch-spawn"):
/// it is started on first use, never returns, sleeps in `poll()` on an
/// eventfd while idle, and blocks every signal. The child therefore gets
/// SIGKILL exactly when terwatch dies (`kill -9` included), never earlier.
/// The kernel clears the flag when the child execs a set-user-ID or
/// set-group-ID program or one with file capabilities: such a command (or
/// what it execs later) does not die with terwatch.
///
/// With a `ChildCommand.terminal`, the child makes itself the terminal's
/// foreground process group before it execs, if terwatch's group holds the
/// terminal then (`ControllingTerminal`).
///
/// Each start happens under the `ChildRegistry` lock and the new pid is
/// registered before the lock is released, so the orphan reaper cannot take
/// the child's status. The path is resolved first, in the caller's task, the
/// way `Spawner` resolves it; an `execve` failure is reported by the child
/// through a close-on-exec pipe, so 127 and 126 are exact and the failed
/// child is already reaped.
public final class ChildLauncher: Sendable {
    /// The launcher of the whole process.
    public static let shared = ChildLauncher()

    /// The registry every child started here is recorded in.
    public let registry: ChildRegistry

    /// What one start needs.
    private struct Launch: @unchecked Sendable {
        // Only the forking thread touches the C arrays, after the requesting task handed them over.
        let path: String
        let argv: CStringArray
        let envp: CStringArray
        let streams: (Spawner.Stream, Spawner.Stream, Spawner.Stream)
        let terminal: Int32
        let guardOrders: Int32
    }

    /// A launch handed to the spawn thread, and the task waiting for it.
    private struct Request: Sendable {
        let launch: Launch
        let continuation: CheckedContinuation<Result<Int32, SupervisorError>, Never>
    }

    private struct State {
        var wake: WakeUpEvent?
        var queue: [Request] = []
    }

    private let state = Mutex(State())

    /// A launcher that records its children in `registry`.
    public init(registry: ChildRegistry = .shared) {
        self.registry = registry
    }

    /// Starts `command` with exactly `environment`; returns the child's pid (also its process-group id), registered in `registry`; the child tells `groupGuard` its group before it execs.
    public func launch(
        _ command: ChildCommand, environment: [String], groupGuard: GroupGuard? = nil
    ) async -> Result<Int32, SupervisorError> {
        let path: String
        do throws(ProcessError) {
            path = try command.resolvedExecutable(environment: environment)
        } catch {
            return .failure(.cannotRun(error))
        }
        let launch = Launch(
            path: path, argv: CStringArray([command.executable] + command.arguments), envp: CStringArray(environment),
            streams: (command.standardInput, command.standardOutput, command.standardError),
            terminal: command.terminal?.descriptor ?? -1, guardOrders: groupGuard?.orders ?? -1)
        if terwatch_on_main_thread() != 0 { return spawn(launch) }
        return await withCheckedContinuation { continuation in
            enqueue(Request(launch: launch, continuation: continuation))
        }
    }

    private func enqueue(_ request: Request) {
        let failure: SupervisorError? = state.withLock { state in
            if state.wake == nil {
                do throws(ProcessError) {
                    state.wake = try WakeUpEvent.startingThread(named: "terwatch-spawn") { [self] in run(wake: $0) }
                } catch {
                    return .systemCall("starting the spawn thread", code: Self.code(of: error))
                }
            }
            state.queue.append(request)
            state.wake?.signal()
            return nil
        }
        if let failure { request.continuation.resume(returning: .failure(failure)) }
    }

    /// The spawn thread: never returns, so the parent-death signal of its children fires only when the process dies.
    private func run(wake: WakeUpEvent) -> Never {
        while true {
            var descriptor = pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0)
            _ = SystemCall.retrying { poll(&descriptor, 1, -1) }
            wake.drain()
            let requests = state.withLock { state in
                defer { state.queue = [] }
                return state.queue
            }
            for request in requests { request.continuation.resume(returning: spawn(request.launch)) }
        }
    }

    private func spawn(_ launch: Launch) -> Result<Int32, SupervisorError> {
        var opened: [Int32] = []
        defer { opened.forEach(SystemCall.close) }
        var descriptors: [Int32] = []
        for stream in [launch.streams.0, launch.streams.1, launch.streams.2] {
            switch stream {
            case .inherited:
                descriptors.append(-1)
            case .descriptor(let descriptor):
                descriptors.append(descriptor)
            case .null:
                let null = open("/dev/null", O_RDWR | O_CLOEXEC)
                guard null >= 0 else { return .failure(.systemCall("open /dev/null", code: errno)) }
                opened.append(null)
                descriptors.append(null)
            }
        }
        let parent = getpid()
        let outcome = TextFileBusy.retrying({
            $0.step == Int32(TERWATCH_SPAWN_EXEC.rawValue) && $0.error == ETXTBSY
        }) {
            registry.launching({
                terwatch_spawn(
                    launch.path, launch.argv.pointers, launch.envp.pointers, descriptors, parent, launch.terminal,
                    launch.guardOrders)
            }, startedPid: { $0.step == Int32(TERWATCH_SPAWN_STARTED.rawValue) ? $0.pid : nil })
        }
        switch terwatch_spawn_step(rawValue: UInt32(outcome.step)) {
        case TERWATCH_SPAWN_STARTED: return .success(outcome.pid)
        case TERWATCH_SPAWN_PIPE: return .failure(.systemCall("pipe2", code: outcome.error))
        case TERWATCH_SPAWN_FORK: return .failure(.systemCall("clone", code: outcome.error))
        case TERWATCH_SPAWN_EXEC: return .failure(.exec(launch.path, code: outcome.error))
        default: return .failure(.systemCall("setting up the child", code: outcome.error))
        }
    }

    private static func code(of error: ProcessError) -> Int32 {
        if case .systemCall(_, let code) = error { return code }
        return EAGAIN
    }
}
