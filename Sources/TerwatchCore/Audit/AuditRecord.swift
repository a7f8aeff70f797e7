/// One record of the audit log: a committed, rejected or rolled-back generation, its sources and its changed keys, by name only.
///
/// Members, in order: `time`, `event` (`reload`, `rejected`, `rolled-back`),
/// `generation` (null when rejected), `from_generation` (rolled-back only),
/// `sources` (every file of the snapshot with the SHA-256 of its content, or,
/// for a file holding a secret value, the keyed fingerprint of that hash),
/// `added`, `removed`, `changed`, `rotated` (key names), `validation`
/// (`passed`, `failed`, or `not-run` for a load that failed and a rollback)
/// and `reason` (null for a commit; redacted). `AuditLog` writes `prev` first.
/// No value, and no unkeyed hash of a secret file, is ever in a record.
public struct AuditRecord: Sendable {
    /// How validation judged the candidate.
    public enum Validation: String, Hashable, Sendable {
        /// Every check and hook accepted it.
        case passed
        /// A check or hook rejected it.
        case failed
        /// No validation ran: the load failed, or a rollback returned to a configuration that ran healthily.
        case notRun = "not-run"
    }

    /// Which event the record is about.
    public let kind: ReloadEvent.Kind
    /// The members after `prev`, in order.
    public let members: [(key: String, value: JSONValue)]

    /// The record of a committed generation.
    public init(_ commit: ReloadPipeline.Commit, fingerprinter: Fingerprinter) {
        self.init(
            kind: .reload, time: commit.time, generation: commit.generation.number, snapshot: commit.generation.snapshot,
            diff: commit.diff, validation: .passed, reason: nil, fingerprinter: fingerprinter
        )
    }

    /// The record a validated candidate will have once committed, for a log that must be written before the commit (`--audit-required`).
    public init(proposed request: ReloadPipeline.ValidationRequest, fingerprinter: Fingerprinter) {
        self.init(
            kind: .reload, time: request.time, generation: request.generation, snapshot: request.snapshot,
            diff: request.diff, validation: .passed, reason: nil, fingerprinter: fingerprinter
        )
    }

    /// The record of a rejected candidate; its reason passed through `redactor` (the agent's for the rejection, as for its event).
    public init(_ rejection: ReloadPipeline.Rejection, redactor: Redactor, fingerprinter: Fingerprinter) {
        self.init(
            kind: .rejected, time: rejection.time, generation: nil, snapshot: rejection.candidate, diff: rejection.diff,
            validation: rejection.diff == nil ? .notRun : .failed, reason: redactor.redact(rejection.reason),
            fingerprinter: fingerprinter
        )
    }

    /// The record of a rollback; its reason redacted of both generations' secrets.
    public init(_ rollBack: ReloadPipeline.RollBack, fingerprinter: Fingerprinter) {
        let redactor = Redactor(snapshots: rollBack.generation.snapshot, rollBack.from.snapshot)
        self.init(
            kind: .rolledBack, time: rollBack.time, generation: rollBack.generation.number,
            snapshot: rollBack.generation.snapshot, diff: rollBack.diff, validation: .notRun,
            reason: redactor.redact(rollBack.reason), fingerprinter: fingerprinter,
            from: rollBack.from.number
        )
    }

    private init(
        kind: ReloadEvent.Kind, time: Timestamp, generation: Int?, snapshot: Snapshot?, diff: SnapshotDiff?,
        validation: Validation, reason: String?, fingerprinter: Fingerprinter, from: Int? = nil
    ) {
        let names = { (entries: [Snapshot.Entry]) in JSONValue.array(entries.map { .string($0.key) }) }
        self.kind = kind
        members = [
            ("time", .string(time.description)),
            ("event", .string(kind.rawValue)),
            ("generation", generation.map(JSONValue.integer) ?? .null),
        ]
            + (from.map { [("from_generation", JSONValue.integer($0))] } ?? [])
            + [
                ("sources", .array((snapshot.map { Self.sources(of: $0, fingerprinter: fingerprinter) } ?? []))),
                ("added", names(diff?.added ?? [])),
                ("removed", names(diff?.removed ?? [])),
                ("changed", names(diff?.changed.map(\.new) ?? [])),
                ("rotated", names(diff?.rotated.map(\.new) ?? [])),
                ("validation", .string(validation.rawValue)),
                ("reason", reason.map(JSONValue.string) ?? .null),
            ]
    }

    /// The files of `snapshot`: `{"path":…,"sha256":…}`, or `{"path":…,"fingerprint":…}` for a file that a secret's value comes from.
    private static func sources(of snapshot: Snapshot, fingerprinter: Fingerprinter) -> [JSONValue] {
        let holders = Set(snapshot.entries.filter(\.isSecret).map(\.origin.path))
        return snapshot.sources.map { source in
            holders.contains(source.path)
                ? .strings([("path", source.path), ("fingerprint", fingerprinter.fingerprint(source.digest.hex))])
                : .strings([("path", source.path), ("sha256", source.digest.hex)])
        }
    }

    /// The record as one line of JSON (no line break) whose first member, `prev`, is `previous` in hex (64 zeros for the first record).
    public func line(after previous: SHA256.Digest?) -> String {
        JSONWriter.write(.object([("prev", .string(previous?.hex ?? AuditChain.origin))] + members))
    }
}
