import ArgumentParser
import TerwatchCore

/// `terwatch check [PATH...]`: parse, expand and validate once; report every problem.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse, expand and validate once; print every diagnostic (exit 1 on errors)."
    )

    @Argument(help: ArgumentHelp("Sources to check, after any -f (same as -f PATH).", valueName: "path"))
    var paths: [String] = []

    @OptionGroup(title: "Sources") var files: EnvFileOptions
    @OptionGroup(title: "Sources") var sources: SourceOptions
    @OptionGroup(title: "Validation") var validation: ValidationOptions
    @OptionGroup(title: "Secrets") var secrets: SecretOptions

    @Flag(help: "Warnings fail the check too.")
    var strict = false

    @OptionGroup(title: "Output") var output: OutputOptions

    func run() throws {
        try CheckFrontend(
            load: sources.loadOptions(paths: files.envFiles + paths),
            required: validation.requiredKeys,
            strict: strict,
            verbosity: output.verbosity,
            secrets: secrets.policy()
        ).run(environment: .process).finish()
    }
}
