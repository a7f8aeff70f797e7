import Glibc

/// The wrapped child's one owner: runs a `Supervisor` state machine and carries out its actions — spawns, group signals, timers — and reports its events.
///
/// Every command and every process event becomes one input to the machine,
/// fed in the order the actor receives them, at the continuous-clock time of
/// arrival. The shell itself decides nothing:
/// * `spawn`: a task asks the `ChildLauncher` (parent-death signal, own
///   process group, the given streams and environment) and feeds back
///   `spawned` or `spawnFailed`.
/// * Each child is watched by a task awaiting `ChildExitWatcher`; while the
///   exited child is still an unreaped zombie, the rest of its group gets
///   SIGKILL (`ChildProcessGroup`); the task waits until those members are
///   gone, releases the pid in the registry, pokes the orphan reaper, and only
///   then feeds `childExited`.
/// * `signal`: `kill(-pgid, sig)` through the child's `ChildProcessGroup`,
///   which refuses once the leader has exited (reported as `signalDropped`).
/// * Terminal (`ChildCommand.terminal`): the child takes it when spawned;
///   when the leader exits, the terminal goes back to terwatch's group before
///   the leader is reaped and before any restart, and an exit by INT or QUIT
///   while the child held it is fed as `childInterrupted`. `childStoppedAtTerminal`
///   and `handTerminalToChild` carry job control (Ctrl-Z, `fg`) across.
/// * With `guardsGroup`, each child tells a `GroupGuard` its group before it
///   execs; the group is withdrawn while its leader is still a zombie.
/// * Timers: one `Task.sleep(until:)` to the machine's `deadline`, re-armed
///   after each input when the deadline changes; no polling, and no wake-up
///   while nothing is due.
public actor ChildSupervisor {
    /// What happens to the child, in order; finishes after `finished`.
    public nonisolated let events: AsyncStream<SupervisorEvent>
    private let eventFeed: AsyncStream<SupervisorEvent>.Continuation
    private var machine: Supervisor
    private let command: ChildCommand
    private let launcher: ChildLauncher
    private let watcher: ChildExitWatcher
    private let orphanReaper: OrphanReaper?
    private let guardsGroup: Bool
    private var groupGuard: GroupGuard?
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant
    private var child: ChildProcessGroup?
    private var timer: (deadline: Duration, task: Task<Void, Never>)?
    private var outcome: ExitStatus?
    private var outcomeWaiters: [CheckedContinuation<ExitStatus, Never>] = []
    private var becameSubreaper = false

    /// A supervisor of `command` under `policy`; with an `orphanReaper`, terwatch becomes a child subreaper at the first start and the reaper is poked after each exit; with `guardsGroup`, a `GroupGuard` started at the first start kills the child's group should terwatch be killed.
    public init(
        command: ChildCommand,
        policy: SupervisorPolicy = SupervisorPolicy(),
        launcher: ChildLauncher = .shared,
        watcher: ChildExitWatcher = .shared,
        orphanReaper: OrphanReaper? = nil,
        guardsGroup: Bool = false
    ) {
        self.command = command
        self.launcher = launcher
        self.watcher = watcher
        self.orphanReaper = orphanReaper
        self.guardsGroup = guardsGroup
        machine = Supervisor(policy: policy)
        origin = clock.now
        (events, eventFeed) = AsyncStream<SupervisorEvent>.makeStream(bufferingPolicy: .unbounded)
    }

    /// The machine's state now.
    public var state: Supervisor.State { machine.state }

    /// The machine as it is now (state, configuration, backoff count, deadline).
    public var snapshot: Supervisor { machine }

    /// Starts the first child with `configuration`.
    public func start(_ configuration: ChildConfiguration) {
        if let orphanReaper, !becameSubreaper {
            becameSubreaper = true
            do throws(SupervisorError) {
                try OrphanReaper.becomeSubreaper()
            } catch {
                eventFeed.yield(.failure("orphans will not be reaped: \(error)"))
            }
            orphanReaper.poke()
        }
        if guardsGroup && groupGuard == nil {
            do throws(SupervisorError) {
                groupGuard = try GroupGuard()
            } catch {
                eventFeed.yield(.failure("the child's process group will outlive a killed terwatch: \(error)"))
            }
        }
        command(.start(configuration))
    }

    /// Stops the child with `signal` (default: the policy's stop signal), then SIGKILL after the stop timeout; the supervisor then finishes.
    public func stop(signal: UnixSignal? = nil) {
        command(.stop(signal: signal))
    }

    /// Stops the child and starts one with `configuration` once the old one and its group are gone.
    public func restart(_ configuration: ChildConfiguration) {
        command(.restart(configuration))
    }

    /// Sends `signal` to the child's process group.
    public func signal(_ signal: UnixSignal) {
        command(.signal(signal))
    }

    /// Uses `configuration` for the next start without restarting now.
    public func update(_ configuration: ChildConfiguration) {
        command(.update(configuration))
    }

    /// Answers `unhealthy(…, awaitingRollback: true)`: starts `configuration`, or applies the restart policy when nil.
    public func rollBack(to configuration: ChildConfiguration?) {
        command(.rollBack(to: configuration))
    }

    /// Gives the terminal to the running child's group if terwatch's group holds it (after `fg`); call it before forwarding SIGCONT.
    public func handTerminalToChild() {
        guard let terminal = command.terminal, let child else { return }
        _ = child.takeTerminal(terminal)
    }

    /// Whether the running child has stopped (Ctrl-Z) while it held the terminal; the terminal is then terwatch's group's again, and terwatch should stop too, as a shell expects of its job.
    public func childStoppedAtTerminal() -> Bool {
        guard let terminal = command.terminal, let child else { return false }
        return child.stoppedHoldingTerminal(terminal)
    }

    /// Waits until the supervisor has finished and returns the status terwatch exits with (`code`).
    public func finished() async -> ExitStatus {
        if let outcome { return outcome }
        return await withCheckedContinuation { outcomeWaiters.append($0) }
    }

    private var now: Duration { clock.now - origin }

    private func command(_ command: Supervisor.Command) {
        feed(.command(command, at: now))
    }

    private func feed(_ input: Supervisor.Input) {
        for action in machine.handle(input) { apply(action) }
        rearmTimer()
    }

    private func apply(_ action: Supervisor.Action) {
        switch action {
        case .spawn(let configuration):
            Task { [launcher, command, groupGuard] in
                let result = await launcher.launch(command, environment: configuration.environment, groupGuard: groupGuard)
                self.launched(result)
            }
        case .signal(let signal, let group):
            guard let child, child.leader == group, child.send(signal) else {
                eventFeed.yield(.signalDropped(signal))
                return
            }
        case .report(let event):
            eventFeed.yield(event)
        case .exit(let status):
            outcome = status
            timer?.task.cancel()
            timer = nil
            eventFeed.yield(.finished(status))
            eventFeed.finish()
            for waiter in outcomeWaiters { waiter.resume(returning: status) }
            outcomeWaiters = []
        }
    }

    private func launched(_ result: Result<Int32, SupervisorError>) {
        switch result {
        case .success(let pid):
            let group = ChildProcessGroup(leader: pid)
            child = group
            watch(group)
            feed(.spawned(pid: pid, at: now))
        case .failure(let error):
            feed(.spawnFailed(.exited(error.exitCode), reason: error.description, at: now))
        }
    }

    /// Waits for the child in a task of its own; reports the exit once the rest of its group is gone.
    private func watch(_ group: ChildProcessGroup) {
        Task { [watcher, launcher, orphanReaper, eventFeed, groupGuard, terminal = command.terminal] in
            let pid = group.leader
            var heldTerminal = false
            /// Runs while the leader is an unreaped zombie, so its pid still names its group.
            func leaderExited() {
                heldTerminal = terminal?.takeBack(from: pid) ?? false
                group.leaderExited()
                groupGuard?.withdraw()
            }
            let status: ExitStatus
            do throws(ProcessError) {
                status = try await watcher.exitStatus(of: pid) { _ in leaderExited() }
            } catch {
                // The child runs unwatched: kill its group and reap it here.
                eventFeed.yield(.failure("cannot wait for child \(pid): \(error); killing it"))
                leaderExited()
                var raw: Int32 = 0
                _ = SystemCall.retrying { waitpid(pid, &raw, 0) }
                status = raw & 0x7f == 0 ? .exited(raw >> 8 & 0xff) : .signaled(raw & 0x7f)
            }
            await group.remnant().waitUntilGone()
            launcher.registry.release(pid)
            orphanReaper?.poke()
            self.childEnded(pid, status, interrupted: heldTerminal && Self.interruptions.contains(status))
        }
    }

    /// How a child interrupted at its terminal ends: Ctrl-C (INT), Ctrl-backslash (QUIT).
    private static let interruptions: Set<ExitStatus> = [.signaled(SIGINT), .signaled(SIGQUIT)]

    private func childEnded(_ pid: Int32, _ status: ExitStatus, interrupted: Bool) {
        if child?.leader == pid { child = nil }
        feed(interrupted ? .childInterrupted(pid: pid, status, at: now) : .childExited(pid: pid, status, at: now))
    }

    private func rearmTimer() {
        let wanted = machine.deadline
        guard wanted != timer?.deadline else { return }
        timer?.task.cancel()
        timer = nil
        guard let wanted else { return }
        let wake = origin + wanted
        timer = (wanted, Task { [clock] in
            try? await clock.sleep(until: wake)
            guard !Task.isCancelled else { return }
            self.timerFired(wanted)
        })
    }

    private func timerFired(_ deadline: Duration) {
        guard timer?.deadline == deadline else { return }
        timer = nil
        feed(.timerFired(at: now))
    }
}
