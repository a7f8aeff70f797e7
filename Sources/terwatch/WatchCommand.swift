import ArgumentParser
import TerwatchCore

/// `terwatch watch`: no child process; watch the sources, validate each change, notify subscribers.
struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch the sources; validate each change, then notify subscribers (no child process).",
        discussion: """
            Loads the sources once (an invalid first load exits 1), then logs `terwatch: watching …` and \
            reloads on every settled change. A change that passes validation becomes the next generation \
            and goes to every --fifo, --signal target and --exec hook; a rejected one leaves the last good \
            generation in force. SIGHUP checks the sources at once; SIGTERM or SIGINT stops (exit 0).
            """
    )

    @OptionGroup(title: "Sources") var files: EnvFileOptions
    @OptionGroup(title: "Sources") var sources: SourceOptions
    @OptionGroup(title: "Validation") var validation: ValidationOptions
    @OptionGroup(title: "Validation") var hooks: HookOptions
    @OptionGroup(title: "Notification") var notification: NotificationOptions
    @OptionGroup(title: "Secrets") var secrets: SecretOptions
    @OptionGroup(title: "Secrets") var audit: AuditOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        let logger = Logger(format: output.logFormat, verbosity: output.verbosity)
        let signals: SignalCenter
        let fingerprinter: Fingerprinter
        do {
            signals = try EntryPoint.signals.get()
            fingerprinter = try Fingerprinter.random()
        } catch {
            logger.error("start-failed", ["error": .string("\(error)")])
            throw ExitCode(ReloadAgent.internalFailure)
        }
        let agent = ReloadAgent(
            configuration: AgentConfiguration(
                load: sources.loadOptions(paths: files.envFiles),
                secrets: try secrets.policy(),
                required: validation.requiredKeys,
                validateHooks: hooks.validate,
                execHooks: notification.exec,
                fifos: notification.fifo,
                signal: SignalNotifier(signal: notification.signal, targets: try notification.targets()),
                hookTimeout: hooks.hookTimeout.duration,
                debounce: Debouncer.Settings(settle: notification.debounce.duration),
                notifyRejections: notification.notifyRejections,
                auditLog: audit.auditLog,
                auditRequired: audit.auditRequired),
            logger: logger,
            fingerprinter: fingerprinter)
        let commands = AgentCommand.commands(from: signals.signals)
        let status = BlockingWait.result { await agent.run(commands: commands) }
        if status != 0 { throw ExitCode(status) }
    }
}
