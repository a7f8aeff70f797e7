import TerwatchEnv

/// `terwatch check`: load once, report every diagnostic and missing required key, fail on errors.
public struct CheckFrontend: Sendable {
    /// What to load.
    public var load: LoadOptions
    /// Keys that must be set and non-empty.
    public var required: RequiredKeys
    /// Whether warnings fail the check too.
    public var strict: Bool
    /// Whether to add a summary (and the files read).
    public var verbosity: Verbosity

    /// Creates the command.
    public init(load: LoadOptions, required: RequiredKeys, strict: Bool, verbosity: Verbosity) {
        self.load = load
        self.required = required
        self.strict = strict
        self.verbosity = verbosity
    }

    /// Runs the check: nothing on stdout, diagnostics and a summary on stderr, status 0 or 1.
    public func run(environment: InheritedEnvironment) -> CommandOutcome {
        var outcome = CommandOutcome()
        let loaded = outcome.load(load, environment: environment, verbosity: verbosity, showingWarnings: true)
        guard let loaded else {
            return outcome
        }
        let missing = required.problems(in: loaded)
        outcome.messages += missing
        let errors = loaded.diagnostics.filter { $0.severity == .error }.count + missing.count
        let warnings = loaded.diagnostics.filter { $0.severity == .warning }.count
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
