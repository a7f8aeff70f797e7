import ArgumentParser
import TerwatchCore

/// `terwatch [OPTIONS] [--] COMMAND [ARG...]` (also `terwatch run`): run COMMAND with the environment and keep it in step with it.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run COMMAND with the env; keep it in sync (the default command).",
        discussion: """
            Waits for the first valid load (an invalid one exits 1 and starts nothing), then starts COMMAND \
            in its own process group with the inherited environment overlaid by the files. Each committed \
            change restarts it (--on-change). SIGHUP checks the sources at once; TERM, INT and QUIT stop the \
            child and terwatch exits with its status (128+N after signal N; 127 / 126: not found / not \
            executable; 125: terwatch failed); other signals are forwarded to the child's process group.
            """
    )

    @OptionGroup(title: "Sources") var files: EnvFileOptions
    @OptionGroup(title: "Sources") var sources: SourceOptions
    @OptionGroup(title: "Validation") var validation: ValidationOptions
    @OptionGroup(title: "Validation") var hooks: HookOptions
    @OptionGroup(title: "Notification") var notification: NotificationOptions
    @OptionGroup(title: "Child") var wrap: WrapOptions
    @OptionGroup(title: "Secrets") var secrets: SecretOptions
    @OptionGroup(title: "Secrets") var audit: AuditOptions
    @OptionGroup(title: "Output") var output: OutputOptions

    @Argument(parsing: .captureForPassthrough, help: ArgumentHelp("The command and its arguments.", valueName: "command"))
    var command: [String] = []

    /// The command without the `--` that may precede it.
    var commandLine: [String] {
        command.first == "--" ? Array(command.dropFirst()) : command
    }

    func validate() throws {
        // `.captureForPassthrough` takes a help flag where the command would start (an explicit `--` keeps it the command's).
        if let first = command.first, first == "--help" || first == "-h" { throw CleanExit.helpRequest(Self.self) }
        guard !commandLine.isEmpty else {
            // A bare `terwatch` shows the overview, as it did before `run` became the default.
            if CommandLine.arguments.count == 1 { throw CleanExit.helpRequest(Terwatch.self) }
            throw ValidationError("Missing COMMAND to run.")
        }
    }

    func run() throws {
        let logger = Logger(format: output.logFormat, verbosity: output.verbosity)
        let (signals, fingerprinter) = try AgentOptions.startup(logger: logger)
        let options = AgentOptions(
            files: files, sources: sources, validation: validation, hooks: hooks, notification: notification,
            secrets: secrets, audit: audit)
        var command = ChildCommand(executable: commandLine[0], arguments: Array(commandLine.dropFirst()))
        command.terminal = .standardInput()
        let mode = WrapMode(
            configuration: try options.configuration(),
            wrap: WrapConfiguration(
                command: command,
                policy: wrap.policy, onChange: wrap.onChange, signal: notification.signal),
            logger: logger,
            fingerprinter: fingerprinter)
        let status = MainLoop.result { await mode.run(signals: signals.signals, childStatus: signals.childStatus) }
        if status != 0 { throw ExitCode(status) }
    }
}
