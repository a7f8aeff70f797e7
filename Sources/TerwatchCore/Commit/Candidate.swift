import TerwatchEnv

/// What one load produced for the reload pipeline: a snapshot to validate, or the reason it could not be made.
public enum Candidate: Hashable, Sendable {
    /// A load that succeeded.
    case snapshot(Snapshot)
    /// A load that failed: a source could not be read, or the files have errors.
    case failed(LoadFailure)
}

/// Why a load produced no snapshot.
public struct LoadFailure: Hashable, Sendable {
    /// One lowercase sentence: `source '.env' vanished`, `the sources have 2 errors`.
    public let reason: String
    /// The errors found in the files, in file then position order.
    public let diagnostics: [Diagnostic]
    /// What the failed load did resolve, when it got that far; its secret values are redacted from reports.
    public let partial: Snapshot?

    /// Creates a failure.
    public init(reason: String, diagnostics: [Diagnostic] = [], partial: Snapshot? = nil) {
        self.reason = reason
        self.diagnostics = diagnostics
        self.partial = partial
    }
}

extension Candidate {
    /// The candidate of one `Loader.load` outcome: a snapshot unless reading failed or a file has errors (warnings do not count).
    public init(loading outcome: Result<LoadedEnvironment, SystemCallError>, secrets: SecretPolicy) {
        switch outcome {
        case .failure(let error):
            let reason = error.isMissing ? "source '\(error.path)' vanished" : error.description
            self = .failed(LoadFailure(reason: reason))
        case .success(let loaded):
            let snapshot = Snapshot(loaded, secrets: secrets)
            let errors = loaded.diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                let reason = "the sources have \(errors.count) error" + (errors.count == 1 ? "" : "s")
                self = .failed(LoadFailure(reason: reason, diagnostics: errors, partial: snapshot))
                return
            }
            self = .snapshot(snapshot)
        }
    }
}
