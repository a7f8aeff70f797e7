import TerwatchEnv

/// `terwatch diff OLD NEW`: resolve each source on its own and report the key-level difference.
public struct DiffFrontend {
    /// How each side is loaded (its sources are replaced by OLD and NEW).
    public var load: LoadOptions
    /// The old and the new source.
    public var old: String, new: String
    /// The output format.
    public var format: DiffFormat
    /// Which keys are secret by name; a key secret on either side (by name, origin or value shape) is hidden on both.
    public var secrets: SecretPolicy
    /// Whether secret values are printed instead of `<redacted>`.
    public var showingSecrets: Bool
    /// Whether to list the files read.
    public var verbosity: Verbosity

    /// Creates the command.
    public init(
        load: LoadOptions,
        old: String,
        new: String,
        format: DiffFormat,
        secrets: SecretPolicy,
        showingSecrets: Bool,
        verbosity: Verbosity
    ) {
        self.load = load
        self.old = old
        self.new = new
        self.format = format
        self.secrets = secrets
        self.showingSecrets = showingSecrets
        self.verbosity = verbosity
    }

    /// Runs the command: the report on stdout and status 0 whatever differs; status 1 on invalid input.
    public func run(environment: InheritedEnvironment) -> CommandOutcome {
        var outcome = CommandOutcome()
        let sides = [old, new].map { path in
            outcome.load(
                load.reading(SourceList(paths: [path], allowMissing: load.sources.allowMissing)),
                environment: environment,
                secrets: secrets,
                verbosity: verbosity,
                showingWarnings: verbosity == .verbose
            )
        }
        guard outcome.status == 0, let before = sides[0], let after = sides[1] else {
            outcome.status = CommandOutcome.invalidInput
            return outcome
        }
        let diff = EnvironmentDiff(old: before.loaded.resolution.entries, new: after.loaded.resolution.entries)
        let isSecret = { (key: String) in [before, after].contains { $0.classification.isSecret(key) } }
        outcome.output = format.render(diff, isSecret: isSecret, showingSecrets: showingSecrets)
        return outcome
    }
}
