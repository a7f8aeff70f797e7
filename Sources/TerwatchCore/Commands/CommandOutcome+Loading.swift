import TerwatchEnv

extension CommandOutcome {
    /// Loads `options` and classifies its keys with `secrets`, adding the read failure or the diagnostics, redacted (and, verbosely, the files read).
    ///
    /// Warnings are added only when `showingWarnings`. Returns nil when the
    /// sources cannot be read; error diagnostics set the invalid-input status.
    public mutating func load(
        _ options: LoadOptions,
        environment: InheritedEnvironment,
        secrets: SecretPolicy,
        verbosity: Verbosity,
        showingWarnings: Bool
    ) -> (loaded: LoadedEnvironment, classification: SecretClassification)? {
        let loaded: LoadedEnvironment
        do {
            loaded = try Loader(options: options).load(environment: environment)
        } catch {
            fail(error.description)
            return nil
        }
        if verbosity == .verbose {
            messages += loaded.files.map { "terwatch: read '\($0.path)'" }
        }
        let classification = secrets.classify(loaded)
        report(loaded.diagnostics.filter { showingWarnings || $0.severity == .error }, of: loaded, classification)
        if loaded.diagnostics.containsErrors {
            status = Self.invalidInput
        }
        return (loaded, classification)
    }

    /// Adds one line per diagnostic, as `check` prints it, with every secret value of `loaded` in it redacted.
    ///
    /// A diagnostic quotes names and paths, never a value, but a name can be
    /// a value by mistake: a file of a secrets directory named after a
    /// password (`> "$DB_PASSWORD"` in a script) is reported by its name.
    public mutating func report(
        _ diagnostics: [Diagnostic], of loaded: LoadedEnvironment, _ classification: SecretClassification
    ) {
        guard !diagnostics.isEmpty else { return }
        let redactor = Redactor(secretsOf: loaded, classification)
        messages += diagnostics.map { redactor.redact($0.description) }
    }
}
