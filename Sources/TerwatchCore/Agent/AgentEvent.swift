/// One event as hooks and subscribers get it: the JSON line, and what an exec or validation hook runs with.
///
/// A hook's environment is the inherited variables (none with `--pristine`)
/// overlaid by the keys of `snapshot`, then `TERWATCH_EVENT` (`reload` or
/// `rejected`), `TERWATCH_GENERATION` and `TERWATCH_CHANGED` (a comma list).
/// For a validation hook that is the candidate and its proposed generation;
/// for a rejection, the configuration that stays in force and the keys the
/// rejected candidate would have changed.
public struct AgentEvent: Sendable {
    /// Which event it is.
    public let kind: ReloadEvent.Kind
    /// The JSON event, one line without the line break.
    public let line: String
    /// The new generation, the proposed one (validation), or the one staying in force (rejection; 0 when none).
    public let generation: Int
    /// The keys whose value differs: changed, added, removed, rotated.
    public let changedKeys: [String]
    /// The configuration a hook sees.
    public let snapshot: Snapshot
    /// Whether this is the start-up generation's `reload`, which only a wrapped child is sent (to start).
    public let isFirst: Bool

    /// Creates an event from its parts.
    public init(
        kind: ReloadEvent.Kind, line: String, generation: Int, changedKeys: [String], snapshot: Snapshot,
        isFirst: Bool = false
    ) {
        self.kind = kind
        self.line = line
        self.generation = generation
        self.changedKeys = changedKeys
        self.snapshot = snapshot
        self.isFirst = isFirst
    }

    /// The `reload` event of a committed generation.
    public init(_ commit: ReloadPipeline.Commit, fingerprinter: Fingerprinter) {
        self.init(
            kind: .reload, line: ReloadEvent(commit, fingerprinter: fingerprinter).line,
            generation: commit.generation.number, changedKeys: commit.diff.changedKeys,
            snapshot: commit.generation.snapshot, isFirst: commit.isFirst)
    }

    /// The `rolled-back` event of a return to the last healthy configuration.
    public init(_ rollBack: ReloadPipeline.RollBack) {
        self.init(
            kind: .rolledBack, line: ReloadEvent(rollBack).line, generation: rollBack.generation.number,
            changedKeys: rollBack.diff.changedKeys, snapshot: rollBack.generation.snapshot)
    }

    /// The `reload` event a candidate would cause, for validation hooks.
    public init(proposed request: ReloadPipeline.ValidationRequest, fingerprinter: Fingerprinter) {
        self.init(
            kind: .reload, line: ReloadEvent(proposed: request, fingerprinter: fingerprinter).line,
            generation: request.generation, changedKeys: request.diff.changedKeys, snapshot: request.snapshot)
    }

    /// The `rejected` event of a turned-down candidate, its free text passed through `redactor`.
    public init(_ rejection: ReloadPipeline.Rejection, redactor: Redactor) {
        self.init(
            kind: .rejected, line: ReloadEvent(rejection, redactor: redactor).line,
            generation: rejection.inForce?.number ?? 0, changedKeys: rejection.diff?.changedKeys ?? [],
            snapshot: rejection.inForce?.snapshot ?? .empty)
    }

    /// `TERWATCH_EVENT`, `TERWATCH_GENERATION` and `TERWATCH_CHANGED`.
    public var variables: [(key: String, value: String)] {
        [
            ("TERWATCH_EVENT", kind.rawValue),
            ("TERWATCH_GENERATION", String(generation)),
            ("TERWATCH_CHANGED", changedKeys.joined(separator: ",")),
        ]
    }

    /// A hook's environment as `KEY=value` entries: `inherited`, overlaid by the snapshot's keys, then `variables`.
    ///
    /// A key keeps the place of its first appearance and takes its last value.
    public func environment(inheriting inherited: [(key: String, value: String)]) -> [String] {
        ProcessEnvironment.overlay(inherited + snapshot.variables + variables)
    }
}
