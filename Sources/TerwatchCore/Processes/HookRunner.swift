import Glibc

/// Runs a user's hook command with `/bin/sh -c`, an explicit environment, bytes on its stdin, its output captured, in its own process group, under a timeout.
///
/// The command string is the shell's single `-c` argument; values reach the hook only through
/// its environment and stdin, never spliced into the command. Its stdout and stderr share one
/// pipe, so they interleave as written; the last `outputLimit` bytes are kept.
///
/// Waiting costs no polling: the shell's exit comes from `ChildExitWatcher`'s thread, and stdin
/// and output are moved by a `PipePump` thread of the hook's own, blocked in `poll()`. A separate
/// thread, rather than the watcher's, keeps pipe traffic from delaying exit reports and lets it
/// block `SIGPIPE` for its lifetime only; hooks run once per reload, so a thread per hook is cheap.
///
/// At the deadline the whole process group gets `SIGTERM`; once the shell has exited, or after
/// `gracePeriod`, it gets `SIGKILL` — so nothing the hook started in its group outlives a timeout.
/// A hook that exits in time may leave background processes behind; they are not signalled.
/// Cancelling the calling task runs the teardown at once (`SIGTERM` then `SIGKILL`).
public struct HookRunner: Sendable {
    /// How long the hook may run before its process group is terminated.
    public var timeout: Duration
    /// How long it has between `SIGTERM` and `SIGKILL`.
    public var gracePeriod: Duration
    /// The most output bytes kept (the last ones).
    public var outputLimit: Int
    /// The shell that runs the command.
    public var shell = "/bin/sh"
    /// The watcher that reports the shell's exit.
    public var watcher: ChildExitWatcher

    /// A runner with a timeout, a grace period (2 s by default) and an output limit (64 KiB by default).
    public init(
        timeout: Duration,
        gracePeriod: Duration = .seconds(2),
        outputLimit: Int = 64 * 1024,
        watcher: ChildExitWatcher = .shared
    ) {
        self.timeout = timeout
        self.gracePeriod = gracePeriod
        self.outputLimit = outputLimit
        self.watcher = watcher
    }

    /// Runs `command` with exactly `environment` (`KEY=value` entries), writes `input` to its stdin, and waits for it.
    ///
    /// Throws only when the hook could not be started or waited for; a hook that fails, crashes
    /// or times out is a result.
    public func run(_ command: String, environment: [String], input: [UInt8]) async throws(ProcessError) -> HookResult {
        let start = ContinuousClock.now
        let stdin = try SystemCall.pipe()
        let output: (read: Int32, write: Int32)
        do throws(ProcessError) {
            output = try SystemCall.pipe()
        } catch {
            SystemCall.close(stdin.read)
            SystemCall.close(stdin.write)
            throw error
        }
        let pump: PipePump
        do throws(ProcessError) {
            pump = try PipePump(input: input, into: stdin.write, outputFrom: output.read, limit: outputLimit)
        } catch {
            SystemCall.close(stdin.read)
            SystemCall.close(output.write)
            throw error
        }

        var spawner = Spawner(executable: shell, arguments: ["-c", command], environment: environment)
        spawner.standardInput = .descriptor(stdin.read)
        spawner.standardOutput = .descriptor(output.write)
        spawner.standardError = .descriptor(output.write)
        spawner.grouping = .processGroup
        let spawned = Result { () throws(ProcessError) in try spawner.spawn() }
        SystemCall.close(stdin.read)
        SystemCall.close(output.write)
        let pid: pid_t
        switch spawned {
        case .success(let spawnedPid):
            pid = spawnedPid
        case .failure(let error):
            _ = await pump.finish()
            throw error
        }

        let (ended, timedOut) = await wait(for: pid, deadline: .now + timeout)
        spawner.registry.release(pid)
        let duration = ContinuousClock.now - start
        let captured = await pump.finish()
        return HookResult(status: try ended.get(), timedOut: timedOut, output: captured, duration: duration)
    }

    /// Waits for the hook's shell while its teardown runs against the deadline; returns how it ended and whether the teardown had begun.
    private func wait(
        for pid: pid_t, deadline: ContinuousClock.Instant
    ) async -> (Result<ExitStatus, ProcessError>, timedOut: Bool) {
        let teardown = GroupTeardown(processGroup: pid, steps: [.init(signal: SIGTERM, grace: gracePeriod)])
        return await withTaskGroup(of: Void.self) { tasks in
            tasks.addTask { await teardown.run(until: deadline) }
            defer { tasks.cancelAll() }
            var timedOut = false
            do throws(ProcessError) {
                let status = try await watcher.exitStatus(of: pid, beforeReaping: { _ in
                    timedOut = teardown.leaderExited()
                })
                return (.success(status), timedOut)
            } catch {
                // The shell is still running unwatched: kill its group and reap it here.
                _ = teardown.leaderExited()
                kill(-pid, SIGKILL)
                _ = SystemCall.retrying { waitpid(pid, nil, 0) }
                return (.failure(error), timedOut)
            }
        }
    }
}
