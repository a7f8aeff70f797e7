import ArgumentParser
import TerwatchCore

/// `terwatch diff OLD NEW`: the key-level difference of two sources, each resolved on its own.
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two sources key by key: added, removed, changed, unchanged (exit 0 either way)."
    )

    @Argument(help: ArgumentHelp("The old source.", valueName: "old"))
    var old: String

    @Argument(help: ArgumentHelp("The new source.", valueName: "new"))
    var new: String

    @OptionGroup(title: "Sources") var sources: SourceOptions
    @OptionGroup(title: "Secrets") var secrets: SecretOptions

    @Option(help: "Output format: text (one line per key) or json (one object).")
    var format: DiffFormat = .text

    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        try DiffFrontend(
            load: sources.loadOptions(paths: [old, new]),
            old: old,
            new: new,
            format: format,
            secrets: secrets.policy(),
            showingSecrets: secrets.showSecrets,
            verbosity: output.verbosity
        ).run(environment: .process).finish()
    }
}
