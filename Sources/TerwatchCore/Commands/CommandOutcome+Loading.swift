import TerwatchEnv

extension CommandOutcome {
    /// Loads `options`, adding the read failure or the diagnostics (and, verbosely, the files read).
    ///
    /// Warnings are added only when `showingWarnings`. Returns nil when the
    /// sources cannot be read; error diagnostics set the invalid-input status.
    public mutating func load(
        _ options: LoadOptions,
        environment: InheritedEnvironment,
        verbosity: Verbosity,
        showingWarnings: Bool
    ) -> LoadedEnvironment? {
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
        messages += loaded.diagnostics.filter { showingWarnings || $0.severity == .error }.map(\.description)
        if loaded.diagnostics.containsErrors {
            status = Self.invalidInput
        }
        return loaded
    }
}
