import TerwatchEnv

/// The fully resolved, ordered, immutable set of `KEY=value` pairs of one load: each key's origin and secrecy, and the files read with their hashes.
///
/// `digest` identifies the content: it hashes the set of pairs (keys in byte
/// order, every key and value length-prefixed), not their order, origins or
/// sources, so two snapshots have equal digests exactly when their diff is empty.
public struct Snapshot: Hashable, Sendable {
    /// Where a key's winning definition stands.
    public struct Origin: Hashable, Sendable, CustomStringConvertible {
        /// The file, as the source list named it.
        public let path: String
        /// The position of the key in that file.
        public let position: SourcePosition

        /// Creates an origin.
        public init(path: String, position: SourcePosition) {
            self.path = path
            self.position = position
        }

        /// `path:line`.
        public var description: String { "\(path):\(position.line)" }
    }

    /// One key of the snapshot.
    public struct Entry: Hashable, Sendable {
        /// The key.
        public let key: String
        /// Its final value.
        public let value: String
        /// Where it was defined.
        public let origin: Origin
        /// Whether its value must never be shown.
        public let isSecret: Bool

        /// Creates an entry.
        public init(key: String, value: String, origin: Origin, isSecret: Bool) {
            self.key = key
            self.value = value
            self.origin = origin
            self.isSecret = isSecret
        }
    }

    /// The snapshot of nothing: no keys, no sources.
    public static let empty = Snapshot(entries: [], sources: [])

    /// One entry per key, in the order each key first appears.
    public let entries: [Entry]
    /// The files read, in load order, with their hashes.
    public let sources: [SourceDigest]
    /// The hash of the content (the set of pairs).
    public let digest: SHA256.Digest
    private let positions: [String: Int]

    /// Creates a snapshot; a key given twice keeps its last entry at the place of its first.
    public init(entries: [Entry], sources: [SourceDigest]) {
        var unique: [Entry] = []
        var positions: [String: Int] = [:]
        for entry in entries {
            if let position = positions[entry.key] {
                unique[position] = entry
            } else {
                positions[entry.key] = unique.count
                unique.append(entry)
            }
        }
        self.entries = unique
        self.sources = sources
        self.positions = positions
        digest = Self.contentDigest(of: unique)
    }

    /// The entry of `key`, if the snapshot has it.
    public subscript(key: String) -> Entry? {
        positions[key].map { entries[$0] }
    }

    /// The values of the secret keys, in order.
    public var secretValues: [String] {
        entries.filter(\.isSecret).map(\.value)
    }

    private static func contentDigest(of entries: [Entry]) -> SHA256.Digest {
        var hasher = SHA256()
        let ordered = entries.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        for entry in ordered {
            for text in [entry.key, entry.value] {
                hasher.update(bigEndian: UInt64(text.utf8.count))
                hasher.update(text.utf8)
            }
        }
        return hasher.finalize()
    }
}
