import ArgumentParser
import TerwatchCore

/// Validation hooks and the hook timeout (watch).
struct HookOptions: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Run by /bin/sh -c CMD on each candidate, with its environment and the JSON event on stdin; "
            + "a failure, crash or timeout rejects it; repeatable, in order.",
        valueName: "cmd"
    ))
    var validate: [String] = []

    @Option(help: ArgumentHelp("How long a --validate or --exec hook may run.", valueName: "duration"))
    var hookTimeout = DurationValue(.seconds(30))
}

extension DurationValue: ExpressibleByArgument {
    /// Parses a duration argument such as `250ms`, `2s` or `1m`.
    public init?(argument: String) {
        self.init(parsing: argument)
    }

    /// The default as `--help` shows it.
    public var defaultValueDescription: String { description }
}
