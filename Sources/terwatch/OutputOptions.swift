import ArgumentParser
import TerwatchCore

/// How much terwatch says on stderr, and in which form.
struct OutputOptions: ParsableArguments {
    /// The form of log lines.
    enum LogFormat: String, CaseIterable, ExpressibleByArgument {
        /// Plain lines.
        case text
        /// One JSON object per line.
        case json
    }

    @Flag(name: .shortAndLong, help: "Only diagnostics on stderr, no summary.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also name every file read (check: and every secret key, and why).")
    var verbose = false

    @Option(help: "Log line format (text, json); reserved for the watching commands.")
    var logFormat: LogFormat = .text

    /// The verbosity the flags ask for; `-q` wins over `-v`.
    var verbosity: Verbosity { quiet ? .quiet : verbose ? .verbose : .normal }
}
