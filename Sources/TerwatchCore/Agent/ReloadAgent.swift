import TerwatchEnv

/// `terwatch watch`: loads the sources, watches them, and turns each settled change into a validated, committed, notified generation.
///
/// How it runs:
/// * The `Watcher` starts first (so no change after the first load is
///   missed), then the sources are loaded and validated once. An invalid
///   first load is logged as a `rejected` line with its reason and
///   diagnostics, nobody is notified, and `run` returns 1. Otherwise that
///   load is generation 1, which notifies nobody, and the `watching` line is
///   logged: from then on every change is seen.
/// * Watcher events go through a `DebounceDriver`; each settled change set,
///   and each `.reload` command (`SIGHUP`, skipping the debounce), posts a
///   `ReloadRequest` to the one reload loop. Requests that arrive while a
///   reload runs merge into one, since every load reads every source.
/// * A reload loads a `Candidate` and drives the `ReloadPipeline`: an
///   unchanged snapshot ends there; a changed one goes through the
///   `ValidatorChain` and is committed under the next generation or
///   rejected (the last good generation stays, and the next candidate is
///   diffed against it). Each reload and rejection is one log line. A load's
///   warnings are logged before it, each once (`LoadWarnings`).
/// * The watcher watches what the options name (`LoadOptions.pathsToWatch`),
///   brought up to date after every load, since the `NAME_FILE` targets a
///   load names can change with it. With `--audit-log`, an `AuditTrail`
///   records each commit and rejection.
/// * A commit is published to every subscriber (FIFOs, signal targets,
///   exec hooks), each behind its own queue and task; a rejection only to
///   FIFOs and exec hooks, and only with `--notify-rejections`. Each reload
///   check also nudges the FIFOs, so a line kept for a missing reader is
///   delivered once one is there.
/// * `.stop` (`SIGTERM`, `SIGINT`) ends the loop: a hook under way is
///   terminated (its process group gets `SIGTERM`, then `SIGKILL`), the
///   watcher stops, and `run` returns 0.
///
/// * In wrap mode a `ChildSubscriber` is one more subscriber, sent the first
///   generation too (it starts the child); `WrapMode` reports the child's
///   health back (`childHealthy`, `rollBack`, in `ReloadAgent+Health`).
///
/// Secret values never reach the log: every line is redacted with the
/// secrets of the generations involved and the values retired during the
/// run (`RetiredSecrets`), and events show secrets only as keyed
/// fingerprints.
public actor ReloadAgent {
    /// `run`'s status when the first load is invalid, a `--fifo` cannot be used or the audit log cannot be opened.
    public static let invalidInput: Int32 = 1
    /// `run`'s status when terwatch itself failed: the watcher could not start, or stopped.
    public static let internalFailure: Int32 = 125

    private let configuration: AgentConfiguration
    let logger: Logger
    let fingerprinter: Fingerprinter
    private let loader: Loader
    private let environment: InheritedEnvironment
    private let validators: ValidatorChain
    private let inbox = ReloadInbox()
    var pipeline = ReloadPipeline()
    /// The secret values rotated out or turned down so far, which redaction keeps looking for.
    var retired = RetiredSecrets()
    /// Which load warnings were logged, so an unchanged file's are not repeated.
    private var loadWarnings = LoadWarnings()
    private(set) var subscribers = Subscribers([])
    private let extraSubscribers: [any Subscriber]
    private var watcher: Watcher?
    private(set) var audit: AuditTrail?
    private var reloading: Task<Void, Never>?
    private var status: Int32 = 0
    private var stopping = false

    /// An agent for `configuration`, logging to `logger`, showing secrets as fingerprints keyed by `fingerprinter`.
    ///
    /// The inherited environment is read now, once: loads expand against it
    /// and hooks inherit it (neither with `--pristine`).
    public init(configuration: sending AgentConfiguration, logger: Logger, fingerprinter: Fingerprinter) {
        self.init(configuration: configuration, logger: logger, fingerprinter: fingerprinter, extraSubscribers: [])
    }

    /// An agent that also tells `extraSubscribers` (a wrapped child) of its events, after the ones the options name.
    init(
        configuration: sending AgentConfiguration, logger: Logger, fingerprinter: Fingerprinter,
        extraSubscribers: [any Subscriber]
    ) {
        let inherited = ProcessEnvironment.inherited(pristine: configuration.load.pristine)
        self.extraSubscribers = extraSubscribers
        self.configuration = configuration
        self.logger = logger
        self.fingerprinter = fingerprinter
        loader = Loader(options: configuration.load)
        environment = InheritedEnvironment(Dictionary(inherited, uniquingKeysWith: { first, _ in first }))
        validators = ValidatorChain(
            required: configuration.required,
            hooks: configuration.validateHooks,
            runner: Self.hookRunner(timeout: configuration.hookTimeout),
            inherited: inherited)
    }

    /// Runs until `commands` says stop (status 0), the first load is invalid (1) or the watcher fails (125).
    public func run(commands: some AsyncSequence<AgentCommand, Never> & Sendable) async -> Int32 {
        let watcher = Watcher(sources: configuration.load.pathsToWatch(after: nil))
        do {
            try await watcher.start()
        } catch {
            logger.error("watch-failed", ["error": .string("\(error)")])
            return Self.internalFailure
        }
        self.watcher = watcher
        let inbox = self.inbox
        let driver = DebounceDriver(settings: configuration.debounce)
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                for await command in commands {
                    await self.handle(command)
                }
            }
            guard await start() else {
                if !stopping { status = Self.invalidInput }
                return group.cancelAll()
            }
            let subscribers = self.subscribers
            group.addTask { await subscribers.run() }
            group.addTask {
                await driver.run(watcher.events) { inbox.post(ReloadRequest(changes: $0)) }
                await self.watcherEnded(watcher)
            }
            for await request in inbox.requests() {
                await perform(request)
            }
            group.cancelAll()
        }
        await watcher.stop()
        return status
    }

    /// Sets up the subscribers and the audit log and commits the first load; false (after logging why) when any fails or a stop came first.
    private func start() async -> Bool {
        do {
            subscribers = Subscribers(try makeSubscribers())
        } catch {
            logger.error("fifo-failed", ["error": .string(error.description)])
            return false
        }
        if let path = configuration.auditLog {
            do {
                audit = try AuditTrail(
                    path: path, required: configuration.auditRequired, fingerprinter: fingerprinter, logger: logger)
            } catch {
                logger.error("audit-failed", ["path": .string(path), "error": .string(error.description)])
                return false
            }
        }
        await perform(ReloadRequest(forced: true))
        guard let generation = pipeline.current, !stopping else { return false }
        logger.info("watching", [
            "sources": .integer(await watcher?.sources.count ?? 0),
            "generation": .integer(generation.number),
            "keys": .integer(generation.snapshot.entries.count),
        ])
        return true
    }

    /// Runs one reload in a task of its own, which a stop cancels.
    private func perform(_ request: ReloadRequest) async {
        let reload = Task { await self.reload(request) }
        reloading = reload
        await reload.value
        reloading = nil
    }

    private func makeSubscribers() throws(FIFOError) -> [any Subscriber] {
        var subscribers: [any Subscriber] = []
        for path in configuration.fifos {
            subscribers.append(try FIFOSubscriber(
                path: path, takesRejections: configuration.notifyRejections, logger: logger))
        }
        if !configuration.signal.targets.isEmpty {
            subscribers.append(SignalSubscriber(notifier: configuration.signal, logger: logger))
        }
        let runner = Self.hookRunner(timeout: configuration.hookTimeout)
        for command in configuration.execHooks {
            subscribers.append(ExecSubscriber(
                command: command, runner: runner, inherited: validators.inherited,
                takesRejections: configuration.notifyRejections, logger: logger))
        }
        return subscribers + extraSubscribers
    }

    private func handle(_ command: AgentCommand) {
        switch command {
        case .reload(let cause):
            logger.debug("check-requested", ["cause": .string(cause)])
            inbox.post(ReloadRequest(forced: true))
        case .stop(let cause):
            logger.info("stopping", ["cause": .string(cause)])
            stopping = true
            inbox.close()
            reloading?.cancel()
        }
    }

    /// The watcher's events ended: unless the agent is stopping, it failed, and the agent stops with status 125.
    private func watcherEnded(_ watcher: Watcher) async {
        guard !Task.isCancelled, !stopping else { return }
        let failure = await watcher.failure
        logger.error("watch-failed", ["error": .string(failure?.description ?? "the watcher stopped")])
        status = Self.internalFailure
        inbox.close()
        reloading?.cancel()
    }

    /// Loads the sources once and takes the pipeline's actions to their end.
    private func reload(_ request: ReloadRequest) async {
        let start = ContinuousClock.now
        logger.debug("check", ["cause": .string(request.cause)])
        subscribers.nudge()
        let outcome = Result { () throws(SystemCallError) in try loader.load(environment: environment) }
        let candidate: Candidate
        var warnings: [Diagnostic] = []
        switch outcome {
        case .success(let loaded):
            await watcher?.watch(configuration.load.pathsToWatch(after: loaded))
            let classification = configuration.secrets.classify(loaded)
            candidate = Candidate(loaded, classification: classification)
            warnings = LoadWarnings.of(loaded, classification)
        case .failure(let error):
            candidate = Candidate(failure: error)
        }
        var actions = pipeline.handle(.loaded(candidate, at: .now()))
        var changesConfiguration = true
        if case .unchanged = actions.first { changesConfiguration = false }
        warn(warnings, of: candidate, changesConfiguration: changesConfiguration)
        var validated: Int?
        while !actions.isEmpty {
            switch actions.removeFirst() {
            case .validate(let validation):
                var verdict: ValidationVerdict
                if case .success(let loaded) = outcome {
                    verdict = await validators.validate(
                        loaded: loaded, proposed: AgentEvent(proposed: validation, fingerprinter: fingerprinter))
                } else {
                    verdict = .failed(reason: "the load failed", diagnostics: [])
                }
                guard !Task.isCancelled else { return }
                if verdict == .passed, let reason = audit?.recordProposal(validation) {
                    verdict = .failed(reason: reason, diagnostics: [])
                }
                validated = validation.id
                actions += pipeline.handle(.validated(request: validation.id, verdict, at: .now()))
            case .commit(let commit):
                audit?.record(commit, request: validated)
                committed(commit, after: start)
            case .reject(let rejection):
                let redactor = Redactor(snapshots: rejection.candidate, rejection.inForce?.snapshot, retired: retired)
                audit?.record(rejection, redactor: redactor)
                rejected(rejection, redactor: redactor, after: start)
            case .unchanged(let generation):
                logger.debug("unchanged", ["generation": .integer(generation.number)])
            case .rollBack:
                break // only a wrapped child's failure asks for a rollback
            }
        }
    }

    /// Logs the load warnings `LoadWarnings` picks, each redacted like a rejection of `candidate` would be.
    private func warn(_ warnings: [Diagnostic], of candidate: Candidate, changesConfiguration: Bool) {
        let shown = loadWarnings.toLog(warnings, changesConfiguration: changesConfiguration)
        guard !shown.isEmpty, logger.isEnabled(.warning) else { return }
        let redactor = Redactor(snapshots: candidate.snapshot, pipeline.current?.snapshot, retired: retired)
        for warning in shown {
            logger.warning("load-warning", ["diagnostic": .string(redactor.redact(warning.description))])
        }
    }

    private func committed(_ commit: ReloadPipeline.Commit, after start: ContinuousClock.Instant) {
        retired.retire(commit.previous?.snapshot, keeping: commit.generation.snapshot)
        logger.redact(with: Redactor(snapshots: commit.generation.snapshot, commit.previous?.snapshot, retired: retired))
        if !commit.isFirst {
            logger.info("reload", [
                "generation": .integer(commit.generation.number),
                "changed": .list(commit.diff.changedKeys),
                "duration": .duration(.now - start),
            ])
        }
        subscribers.publish(AgentEvent(commit, fingerprinter: fingerprinter))
    }

    /// Logs and publishes a rejection with `redactor`, then retires the candidate's secret values.
    private func rejected(
        _ rejection: ReloadPipeline.Rejection, redactor: Redactor, after start: ContinuousClock.Instant
    ) {
        var fields = [LogRecord.Field("reason", .string(redactor.redact(rejection.reason)))]
        if !rejection.diagnostics.isEmpty {
            fields.append(LogRecord.Field("diagnostics", .list(rejection.diagnostics.map { redactor.redact($0.description) })))
        }
        if let inForce = rejection.inForce {
            fields.append(LogRecord.Field("in_force", .integer(inForce.number)))
        }
        if let changed = rejection.diff?.changedKeys, !changed.isEmpty {
            fields.append(LogRecord.Field("changed", .list(changed)))
        }
        fields.append(LogRecord.Field("duration", .duration(.now - start)))
        logger.log(.error, "rejected", fields: fields)
        if rejection.inForce != nil {
            subscribers.publish(AgentEvent(rejection, redactor: redactor))
        }
        retired.retire(rejection.candidate, keeping: rejection.inForce?.snapshot)
        logger.redact(with: Redactor(snapshots: rejection.inForce?.snapshot, retired: retired))
    }

    /// The runner of validate and exec hooks: the hook timeout, 2 s of grace, the last 4 KiB of output.
    private static func hookRunner(timeout: Duration) -> HookRunner {
        HookRunner(timeout: timeout, outputLimit: 4096)
    }
}
