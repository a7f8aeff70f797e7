import TerwatchEnv

/// One event for subscribers and records: `reload`, `rejected` or `rolled-back`, as a JSON object with members in the order of DESIGN.md.
///
/// Every member is always present (empty lists and objects included). No
/// secret value ever appears: secret keys are named, their values shown only
/// as keyed fingerprints, and free text (reasons, diagnostic messages) is
/// passed through a `Redactor` over the secrets of the snapshots involved
/// (and, for a rejection, the ones the agent retired).
public struct ReloadEvent: Sendable {
    /// Which event it is.
    public enum Kind: String, Hashable, Sendable {
        /// A new generation is in force.
        case reload
        /// A candidate was turned down.
        case rejected
        /// A new generation returns to the last healthy configuration.
        case rolledBack = "rolled-back"
    }

    /// Which event it is.
    public let kind: Kind
    /// The event as a JSON object.
    public let json: JSONValue

    /// The event as one line of JSON, without the line break.
    public var line: String { JSONWriter.write(json) }

    /// The `reload` event of a committed generation.
    public init(_ commit: ReloadPipeline.Commit, fingerprinter: Fingerprinter) {
        self.init(reload: commit.generation.number, time: commit.time, diff: commit.diff, fingerprinter: fingerprinter)
    }

    /// The `reload` event a candidate would cause, for validation hooks: its proposed generation and diff.
    public init(proposed request: ReloadPipeline.ValidationRequest, fingerprinter: Fingerprinter) {
        self.init(reload: request.generation, time: request.time, diff: request.diff, fingerprinter: fingerprinter)
    }

    /// The `rejected` event of a turned-down candidate, its reason and diagnostics passed through `redactor`.
    ///
    /// The redactor is the agent's for the rejection (`ReloadAgent`): the
    /// secrets of the candidate, of the generation in force and the retired
    /// ones (`RetiredSecrets`).
    public init(_ rejection: ReloadPipeline.Rejection, redactor: Redactor) {
        kind = .rejected
        json = .object([
            ("event", .string(Kind.rejected.rawValue)),
            ("time", .string(rejection.time.description)),
            ("reason", .string(redactor.redact(rejection.reason))),
            ("diagnostics", .array(rejection.diagnostics.map { diagnostic in
                .object([
                    ("file", .string(diagnostic.path)),
                    ("line", .integer(diagnostic.position.line)),
                    ("column", .integer(diagnostic.position.column)),
                    ("message", .string(redactor.redact(diagnostic.message))),
                ])
            })),
        ])
    }

    /// The `rolled-back` event of a rollback.
    public init(_ rollBack: ReloadPipeline.RollBack) {
        let redactor = Redactor(snapshots: rollBack.generation.snapshot, rollBack.from.snapshot)
        kind = .rolledBack
        json = .object([
            ("event", .string(Kind.rolledBack.rawValue)),
            ("generation", .integer(rollBack.generation.number)),
            ("time", .string(rollBack.time.description)),
            ("from_generation", .integer(rollBack.from.number)),
            ("reason", .string(redactor.redact(rollBack.reason))),
        ])
    }

    private init(reload generation: Int, time: Timestamp, diff: SnapshotDiff, fingerprinter: Fingerprinter) {
        let names = { (entries: [Snapshot.Entry]) in JSONValue.array(entries.map { .string($0.key) }) }
        let newOfChanges = diff.changed.map(\.new)
        let newOfRotations = diff.rotated.map(\.new)
        let fingerprints = { (entries: [Snapshot.Entry]) in
            JSONValue.strings(entries.map { ($0.key, fingerprinter.fingerprint($0.value)) })
        }
        kind = .reload
        json = .object([
            ("event", .string(Kind.reload.rawValue)),
            ("generation", .integer(generation)),
            ("time", .string(time.description)),
            ("sources", .array(diff.sources.map { .string($0) })),
            ("added", names(diff.added)),
            ("removed", names(diff.removed)),
            ("changed", names(newOfChanges)),
            ("rotated", names(newOfRotations)),
            ("values", .strings((diff.added.filter { !$0.isSecret } + newOfChanges).map { ($0.key, $0.value) })),
            ("fingerprints", fingerprints(diff.added.filter(\.isSecret) + newOfRotations)),
            ("previous_fingerprints", fingerprints(diff.rotated.map(\.old))),
        ])
    }
}
