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
        let (signals, fingerprinter) = try AgentOptions.startup(logger: logger)
        let options = AgentOptions(
            files: files, sources: sources, validation: validation, hooks: hooks, notification: notification,
            secrets: secrets, audit: audit)
        let agent = ReloadAgent(configuration: try options.configuration(), logger: logger, fingerprinter: fingerprinter)
        let commands = AgentCommand.commands(from: signals.signals)
        let status = MainLoop.result { await agent.run(commands: commands) }
        if status != 0 { throw ExitCode(status) }
    }
}
