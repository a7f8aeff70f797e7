import TerwatchEnv

extension ReloadPipeline {
    /// What the pipeline is told.
    public enum Input: Hashable, Sendable {
        /// A load finished (after a settle window, a rescan or a forced check).
        case loaded(Candidate, at: Timestamp)
        /// The validator chain finished the request with this id.
        case validated(request: Int, ValidationVerdict, at: Timestamp)
        /// The given generation ran healthily (its child outlived the rollback window); it becomes the rollback target.
        case healthy(generation: Int)
        /// The configuration in force failed (its child died within the rollback window): return to the last healthy one.
        case rollBack(reason: String, at: Timestamp)
    }

    /// What the pipeline asks its shell to do, in order.
    public enum Action: Hashable, Sendable {
        /// Run the validator chain on a candidate, then answer with `.validated(request:…)`.
        case validate(ValidationRequest)
        /// A new generation is in force: notify subscribers with its diff.
        case commit(Commit)
        /// A candidate was rejected; the generation in force stays. Report it.
        case reject(Rejection)
        /// The candidate equals the generation in force: nobody is notified.
        case unchanged(Generation)
        /// A new generation returns to the last healthy configuration: apply and report it.
        case rollBack(RollBack)
    }

    /// A candidate to validate.
    public struct ValidationRequest: Hashable, Sendable {
        /// The id to answer with.
        public let id: Int
        /// The candidate.
        public let snapshot: Snapshot
        /// Its difference from the generation in force (from nothing at start-up).
        public let diff: SnapshotDiff
        /// The number it would be committed under if it committed now.
        public let generation: Int
        /// When its load finished.
        public let time: Timestamp

        /// Creates a request.
        public init(id: Int, snapshot: Snapshot, diff: SnapshotDiff, generation: Int, time: Timestamp) {
            self.id = id
            self.snapshot = snapshot
            self.diff = diff
            self.generation = generation
            self.time = time
        }
    }

    /// A committed generation.
    public struct Commit: Hashable, Sendable {
        /// The new generation.
        public let generation: Generation
        /// The generation it replaces; nil for the first one.
        public let previous: Generation?
        /// What changed (every key added for the first generation).
        public let diff: SnapshotDiff
        /// When it was committed.
        public let time: Timestamp

        /// Creates a commit.
        public init(generation: Generation, previous: Generation?, diff: SnapshotDiff, time: Timestamp) {
            self.generation = generation
            self.previous = previous
            self.diff = diff
            self.time = time
        }

        /// Whether this is the start-up generation, committed even when it is empty.
        public var isFirst: Bool { previous == nil }
    }

    /// A rejected candidate.
    public struct Rejection: Hashable, Sendable {
        /// One sentence saying why.
        public let reason: String
        /// The errors behind it, if any.
        public let diagnostics: [Diagnostic]
        /// The candidate's snapshot (what a failed load resolved, if anything).
        public let candidate: Snapshot?
        /// The candidate's difference from the generation in force; nil when the load failed.
        public let diff: SnapshotDiff?
        /// The generation that stays in force; nil when none was ever committed.
        public let inForce: Generation?
        /// When it was rejected.
        public let time: Timestamp

        /// Creates a rejection.
        public init(
            reason: String, diagnostics: [Diagnostic], candidate: Snapshot?, diff: SnapshotDiff?,
            inForce: Generation?, time: Timestamp
        ) {
            self.reason = reason
            self.diagnostics = diagnostics
            self.candidate = candidate
            self.diff = diff
            self.inForce = inForce
            self.time = time
        }
    }

    /// A return to the last healthy configuration under a new generation number.
    public struct RollBack: Hashable, Sendable {
        /// The new generation, holding the healthy snapshot.
        public let generation: Generation
        /// The generation that failed.
        public let from: Generation
        /// The difference from the failed generation to the new one.
        public let diff: SnapshotDiff
        /// Why it was rolled back.
        public let reason: String
        /// When.
        public let time: Timestamp

        /// Creates a rollback.
        public init(generation: Generation, from: Generation, diff: SnapshotDiff, reason: String, time: Timestamp) {
            self.generation = generation
            self.from = from
            self.diff = diff
            self.reason = reason
            self.time = time
        }
    }
}
