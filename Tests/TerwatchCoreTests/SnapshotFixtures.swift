import TerwatchCore
import TerwatchEnv

/// Small builders for snapshots in tests.
enum SnapshotFixtures {
    /// An entry defined at `path:line`; secret when its name says so (`*PASSWORD*`, `*TOKEN*`…) unless told otherwise.
    static func entry(_ key: String, _ value: String, secret: Bool? = nil, path: String = ".env", line: Int = 1) -> Snapshot.Entry {
        Snapshot.Entry(
            key: key,
            value: value,
            origin: Snapshot.Origin(path: path, position: SourcePosition(line: line, column: 1)),
            isSecret: secret ?? (key.contains("PASSWORD") || key.contains("TOKEN"))
        )
    }

    /// A snapshot of `pairs` in order, all from `.env` (lines 1, 2, …), with `.env` hashed as `source`.
    static func snapshot(_ pairs: [(String, String)], source: String = "") -> Snapshot {
        Snapshot(
            entries: pairs.enumerated().map { entry($0.element.0, $0.element.1, line: $0.offset + 1) },
            sources: [SourceDigest(path: ".env", contents: Array(source.utf8))]
        )
    }
}
