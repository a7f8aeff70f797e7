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
            self.init(failure: error)
        case .success(let loaded):
            self.init(loaded, classification: secrets.classify(loaded))
        }
    }

    /// The candidate of a load that could not read a source: `source '.env' vanished`, or the error itself.
    public init(failure error: SystemCallError) {
        let reason = error.isMissing ? "source '\(error.path)' vanished" : error.description
        self = .failed(LoadFailure(reason: reason))
    }

    /// The candidate of a load that read every source, its keys classified by `classification`: a snapshot unless a file has errors.
    public init(_ loaded: LoadedEnvironment, classification: SecretClassification) {
        let snapshot = Snapshot(loaded, classification: classification)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        guard errors.isEmpty else {
            let reason = "the sources have \(errors.count) error" + (errors.count == 1 ? "" : "s")
            self = .failed(LoadFailure(reason: reason, diagnostics: errors, partial: snapshot))
            return
        }
        self = .snapshot(snapshot)
    }

    /// The candidate's snapshot: the load's, or what a failed load resolved.
    public var snapshot: Snapshot? {
        switch self {
        case .snapshot(let snapshot): snapshot
        case .failed(let failure): failure.partial
        }
    }
}
