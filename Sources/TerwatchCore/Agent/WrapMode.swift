import Glibc

/// `terwatch [OPTIONS] [--] COMMAND`: the agent with the wrapped child as one more subscriber, the child's supervisor, the orphan reaper and signal forwarding.
///
/// How it runs:
/// * The agent loads the sources first; nothing starts before its first
///   commit. An invalid first load makes `run` return 1, a watcher failure
///   125; the child, if any, is then stopped.
/// * The first generation reaches the `ChildSubscriber`, which starts the
///   child; each later commit restarts it, signals it or only updates its
///   configuration (`--on-change`). Rejections never reach it.
/// * Signals: `HUP` asks the agent for a reload check; `TERM`, `INT` and
///   `QUIT` stop the child with that signal (then `KILL` after
///   `--stop-timeout`); `TSTP` is forwarded, then terwatch stops itself with
///   `SIGSTOP`; `CONT` first gives the terminal back to the child if
///   terwatch's group holds it (after `fg`); every other signal goes to the
///   child's process group.
/// * Terminal (the command's `ControllingTerminal`): the child is the
///   terminal's foreground group, so Ctrl-C and Ctrl-Z reach it, not
///   terwatch. When it stops at the terminal, terwatch takes the terminal
///   back and stops itself, so the shell sees the job stopped; `fg` continues
///   both. A child that dies of Ctrl-C (INT) or Ctrl-backslash (QUIT) ends
///   terwatch with its status, whatever `--restart` says.
/// * Supervisor events are logged; `healthy` tells the agent where a
///   rollback returns to; `unhealthy` asks the agent to roll back and starts
///   the configuration it returns to, or applies the restart policy.
/// * When the supervisor finishes, the agent stops and `run` returns the
///   child's status (128+N after death by signal N; 127 / 126 when the
///   command is not found / not executable).
/// * An `OrphanReaper` takes every exited process that is not a child
///   terwatch waits for itself, on each `SIGCHLD`; terwatch is a child
///   subreaper from the first start.
/// * A `GroupGuard` process kills the child's whole group if terwatch itself
///   is killed (`kill -9`), where the parent-death signal reaches only the child.
public struct WrapMode: Sendable {
    private let agent: ReloadAgent
    private let supervisor: ChildSupervisor
    private let child: ChildSubscriber
    private let reaper = OrphanReaper()
    private let logger: Logger

    /// Wrap mode for `configuration` and `wrap`, logging to `logger`, showing secrets as fingerprints keyed by `fingerprinter`.
    public init(
        configuration: sending AgentConfiguration, wrap: WrapConfiguration, logger: Logger, fingerprinter: Fingerprinter
    ) {
        supervisor = ChildSupervisor(command: wrap.command, policy: wrap.policy, orphanReaper: reaper, guardsGroup: true)
        child = ChildSubscriber(
            supervisor: supervisor, onChange: wrap.onChange, signal: wrap.signal,
            inherited: ProcessEnvironment.inherited(pristine: configuration.load.pristine))
        agent = ReloadAgent(
            configuration: configuration, logger: logger, fingerprinter: fingerprinter, extraSubscribers: [child])
        self.logger = logger
    }

    /// Runs until the child is done (its status) or the agent fails (1 or 125); `signals` are terwatch's signals, `childStatus` its `SIGCHLD`s.
    public func run(
        signals: AsyncStream<ReceivedSignal>, childStatus: AsyncStream<ReceivedSignal>
    ) async -> Int32 {
        // The thread that sees the child exit starts while the sources load, not when the child has started.
        ChildExitWatcher.shared.prepare()
        let (commands, commandFeed) = AsyncStream<AgentCommand>.makeStream(bufferingPolicy: .unbounded)
        return await withTaskGroup(of: Void.self) { group in
            let (reaperNotices, reaperFeed) = AsyncStream<ReceivedSignal>.makeStream(bufferingPolicy: .bufferingNewest(1))
            group.addTask {
                for await notice in childStatus {
                    reaperFeed.yield(notice)
                    await self.followJobControl()
                }
                reaperFeed.finish()
            }
            group.addTask { [reaper, logger] in
                await reaper.run(notices: reaperNotices) { reaped in
                    for orphan in reaped {
                        logger.debug("reaped", ["pid": .integer(Int(orphan.pid)), "status": .string(orphan.status.description)])
                    }
                }
            }
            group.addTask { await self.follow(stopping: commandFeed) }
            group.addTask {
                for await received in signals {
                    await self.handle(received, commands: commandFeed)
                }
            }
            let agentStatus = await agent.run(commands: commands)
            await supervisor.stop()
            let childStatus = await supervisor.finished()
            group.cancelAll()
            return agentStatus != 0 ? agentStatus : childStatus.code
        }
    }

    private func handle(_ received: ReceivedSignal, commands: AsyncStream<AgentCommand>.Continuation) async {
        switch received.signal.number {
        case SIGHUP:
            commands.yield(.reload(cause: received.description))
        case SIGTERM, SIGINT, SIGQUIT:
            logger.info("stopping", ["cause": .string(received.signal.description)])
            await supervisor.stop(signal: received.signal)
        case SIGTSTP:
            await supervisor.signal(received.signal)
            kill(getpid(), SIGSTOP)
        case SIGCONT:
            await supervisor.handTerminalToChild()
            await supervisor.signal(received.signal)
        default:
            await supervisor.signal(received.signal)
        }
    }

    /// On each SIGCHLD: when the child was stopped at the terminal (Ctrl-Z), the terminal is terwatch's again and terwatch stops too, so the shell sees its job stopped.
    private func followJobControl() async {
        guard await supervisor.childStoppedAtTerminal() else { return }
        logger.debug("child", ["event": "stopped at the terminal; stopping terwatch"])
        kill(getpid(), SIGSTOP)
    }

    /// Logs each supervisor event and acts on health reports; stops the agent once the supervisor has finished.
    private func follow(stopping commands: AsyncStream<AgentCommand>.Continuation) async {
        for await event in supervisor.events {
            log(event)
            switch event {
            case .healthy(let generation):
                await agent.childHealthy(generation: generation)
            case .unhealthy(_, _, awaitingRollback: true):
                let generation = await agent.rollBack(reason: event.description)
                await supervisor.rollBack(to: generation.map(child.configuration(of:)))
            case .finished(let status):
                commands.yield(.stop(cause: "the child is done (exit status \(status.code))"))
            default:
                break
            }
        }
    }

    private func log(_ event: SupervisorEvent) {
        let message: LogValue = .string(event.description)
        switch event {
        case .spawnFailed, .failure, .unhealthy:
            logger.error("child", ["event": message])
        case .stopTimedOut, .backingOff:
            logger.warning("child", ["event": message])
        case .signalDropped:
            logger.debug("child", ["event": message])
        case .started, .stopping, .exited, .healthy, .finished:
            logger.info("child", ["event": message])
        }
    }
}
