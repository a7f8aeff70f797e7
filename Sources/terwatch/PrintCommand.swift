import ArgumentParser
import TerwatchCore

/// `terwatch print [PATH...]`: the resolved keys of the sources, in one format.
struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "Print the keys the sources define, resolved (secrets as <redacted>)."
    )

    @Argument(help: ArgumentHelp("Sources to print, after any -f (same as -f PATH).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup(title: "Sources") var files: EnvFileOptions
    @OptionGroup(title: "Sources") var sources: SourceOptions
    @OptionGroup(title: "Validation") var validation: ValidationOptions
    @OptionGroup(title: "Secrets") var secrets: SecretOptions

    @Option(help: "Output format: env (dotenv), json (one object), shell (export lines for eval).")
    var format: PrintFormat = .env

    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        try PrintFrontend(
            load: sources.loadOptions(paths: files.envFiles + paths),
            required: validation.requiredKeys,
            format: format,
            secrets: secrets.policy(),
            showingSecrets: secrets.showSecrets,
            verbosity: output.verbosity
        ).run(environment: .process).finish()
    }
}
