import TerwatchEnv

/// The key-level difference between the snapshot in force and a newer one.
///
/// Keys are compared by value (`EnvironmentDiff`): a key that only moved is
/// unchanged. A changed key that is secret on either side is `rotated`, never
/// `changed`. Order is stable: `added`, `changed` and `rotated` follow the new
/// snapshot's order, `removed` the old one's. An empty diff means nothing
/// changed and nobody is notified, whatever happened to the files.
public struct SnapshotDiff: Hashable, Sendable {
    /// A key whose value differs between the two snapshots.
    public struct Change: Hashable, Sendable {
        /// The entry before.
        public let old: Snapshot.Entry
        /// The entry after.
        public let new: Snapshot.Entry

        /// The key that changed.
        public var key: String { new.key }

        /// Creates a change.
        public init(old: Snapshot.Entry, new: Snapshot.Entry) {
            self.old = old
            self.new = new
        }
    }

    /// Keys only the new snapshot has, in its order.
    public let added: [Snapshot.Entry]
    /// Keys only the old snapshot has, in its order.
    public let removed: [Snapshot.Entry]
    /// Non-secret keys whose value changed, in the new snapshot's order.
    public let changed: [Change]
    /// Secret keys whose value changed, in the new snapshot's order.
    public let rotated: [Change]
    /// Files whose content differs: read by the new load with another hash or not read before (new order), then files no longer read (old order).
    public let sources: [String]

    /// Compares `old` with `new`.
    public init(old: Snapshot, new: Snapshot) {
        let keys = EnvironmentDiff(old: old.entries.map(\.resolved), new: new.entries.map(\.resolved))
        added = keys.added.compactMap { new[$0.key] }
        removed = keys.removed.compactMap { old[$0.key] }
        var changed: [Change] = []
        var rotated: [Change] = []
        for change in keys.changed {
            guard let before = old[change.key], let after = new[change.key] else { continue }
            if before.isSecret || after.isSecret {
                rotated.append(Change(old: before, new: after))
            } else {
                changed.append(Change(old: before, new: after))
            }
        }
        self.changed = changed
        self.rotated = rotated
        let before = Dictionary(old.sources.map { ($0.path, $0.digest) }, uniquingKeysWith: { $1 })
        let after = Set(new.sources.map(\.path))
        sources = new.sources.filter { before[$0.path] != $0.digest }.map(\.path)
            + old.sources.filter { !after.contains($0.path) }.map(\.path)
    }

    /// Whether no key was added, removed, changed or rotated (file changes alone do not count).
    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && rotated.isEmpty
    }
}

extension Snapshot.Entry {
    /// The entry as the dotenv target's resolved entry (secrecy left out).
    var resolved: ResolvedEntry {
        ResolvedEntry(key: key, value: value, path: origin.path, position: origin.position)
    }
}
