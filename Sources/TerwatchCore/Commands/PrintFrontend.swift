import TerwatchEnv

/// `terwatch print`: the keys the sources define, resolved, in one format, secrets hidden (by name, origin or value shape).
public struct PrintFrontend {
    /// What to load.
    public var load: LoadOptions
    /// Keys that must be set and non-empty.
    public var required: RequiredKeys
    /// The output format.
    public var format: PrintFormat
    /// Which keys are secret by name.
    public var secrets: SecretPolicy
    /// Whether secret values are printed instead of `<redacted>`.
    public var showingSecrets: Bool
    /// Whether to list the files read.
    public var verbosity: Verbosity

    /// Creates the command.
    public init(
        load: LoadOptions,
        required: RequiredKeys,
        format: PrintFormat,
        secrets: SecretPolicy,
        showingSecrets: Bool,
        verbosity: Verbosity
    ) {
        self.load = load
        self.required = required
        self.format = format
        self.secrets = secrets
        self.showingSecrets = showingSecrets
        self.verbosity = verbosity
    }

    /// Runs the command: the formatted keys on stdout, or, on any error, nothing on stdout and status 1.
    public func run(environment: InheritedEnvironment) -> CommandOutcome {
        var outcome = CommandOutcome()
        let result = outcome.load(
            load, environment: environment, secrets: secrets, verbosity: verbosity,
            showingWarnings: verbosity == .verbose)
        guard let (loaded, classification) = result else {
            return outcome
        }
        if verbosity == .verbose {
            outcome.report(SecretFileHygiene.warnings(loaded, classification), of: loaded, classification)
        }
        let missing = required.problems(in: loaded)
        outcome.messages += missing
        guard outcome.status == 0, missing.isEmpty else {
            outcome.status = CommandOutcome.invalidInput
            return outcome
        }
        let pairs = loaded.resolution.entries.map { entry in
            (key: entry.key, value: classification.shown(entry.value, of: entry.key, showingSecrets: showingSecrets))
        }
        let (text, leftOut) = format.render(pairs)
        for key in leftOut {
            outcome.warn("key '\(key)' is not a shell variable name; left out")
        }
        outcome.output = text
        return outcome
    }
}
