import ArgumentParser
import TerwatchCore

/// How much terwatch says on stderr, and in which form.
struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Only diagnostics and errors on stderr: no summary, no info lines.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Also name every file read (check: and every secret key, and why; watch: debug lines).")
    var verbose = false

    @Option(help: "Log line format of the watching commands: text, or json (one object per line).")
    var logFormat: LogFormat = .text

    /// The verbosity the flags ask for; `-q` wins over `-v`.
    var verbosity: Verbosity { quiet ? .quiet : verbose ? .verbose : .normal }
}
