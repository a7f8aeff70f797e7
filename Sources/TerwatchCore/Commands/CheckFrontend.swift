import TerwatchEnv

/// `terwatch check`: load once, report every diagnostic and missing required key, fail on errors.
///
/// Files holding secrets that group or others may read get a warning
/// (`SecretFileHygiene`); `-v` also names every secret key and why it is
/// secret, never its value.
public struct CheckFrontend {
    /// What to load.
    public var load: LoadOptions
    /// Keys that must be set and non-empty.
    public var required: RequiredKeys
    /// Whether warnings fail the check too.
    public var strict: Bool
    /// Whether to add a summary (and the files read and the secret keys).
    public var verbosity: Verbosity
    /// Which keys are secret by name.
    public var secrets: SecretPolicy

    /// Creates the command.
    public init(load: LoadOptions, required: RequiredKeys, strict: Bool, verbosity: Verbosity, secrets: SecretPolicy) {
        self.load = load
        self.required = required
        self.strict = strict
        self.verbosity = verbosity
        self.secrets = secrets
    }

    /// Runs the check: nothing on stdout, diagnostics and a summary on stderr, status 0 or 1.
    public func run(environment: InheritedEnvironment) -> CommandOutcome {
        var outcome = CommandOutcome()
        let result = outcome.load(
            load, environment: environment, secrets: secrets, verbosity: verbosity, showingWarnings: true)
        guard let (loaded, classification) = result else {
            return outcome
        }
        let exposed = SecretFileHygiene.warnings(loaded, classification)
        outcome.report(exposed, of: loaded, classification)
        let missing = required.problems(in: loaded)
        outcome.messages += missing
        if verbosity == .verbose {
            outcome.messages += classification.secrets.map { "terwatch: \($0.description)" }
        }
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count + missing.count
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.count + exposed.count
        let failsOnWarnings = strict && warnings > 0
        if errors > 0 || failsOnWarnings {
            outcome.status = CommandOutcome.invalidInput
        }
        let summary = "checked \(counted(loaded.files.count, "file")), "
            + "\(counted(loaded.resolution.entries.count, "key")): "
            + "\(counted(errors, "error")), \(counted(warnings, "warning"))"
            + (failsOnWarnings && errors == 0 ? " (--strict: warnings fail)" : "")
        outcome.note(summary, unless: verbosity == .quiet)
        return outcome
    }

    private func counted(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
