/// The key-level difference between an old and a new set of resolved entries.
///
/// Keys are compared by value only (a key that moved to another file or line
/// with the same value is unchanged). Order is stable: `added`, `changed` and
/// `unchanged` follow the new set's order, `removed` follows the old set's.
/// When a set names a key twice, its last entry counts, at the place of the first.
public struct EnvironmentDiff: Hashable, Sendable {
    /// A key defined on both sides with different values.
    public struct Change: Hashable, Sendable {
        /// The entry before.
        public var old: ResolvedEntry
        /// The entry after.
        public var new: ResolvedEntry

        /// The key that changed.
        public var key: String { new.key }

        /// Creates a change.
        public init(old: ResolvedEntry, new: ResolvedEntry) {
            self.old = old
            self.new = new
        }
    }

    /// Keys only the new set defines, in the new set's order.
    public var added: [ResolvedEntry]
    /// Keys only the old set defines, in the old set's order.
    public var removed: [ResolvedEntry]
    /// Keys whose value differs, in the new set's order.
    public var changed: [Change]
    /// Keys with the same value on both sides (the new entries), in the new set's order.
    public var unchanged: [ResolvedEntry]

    /// Compares `old` with `new`.
    public init(old: [ResolvedEntry], new: [ResolvedEntry]) {
        let before = Self.lastByKey(old)
        let after = Self.lastByKey(new)
        added = []
        changed = []
        unchanged = []
        for entry in after.ordered {
            guard let previous = before.byKey[entry.key] else {
                added.append(entry)
                continue
            }
            if previous.value == entry.value {
                unchanged.append(entry)
            } else {
                changed.append(Change(old: previous, new: entry))
            }
        }
        removed = before.ordered.filter { after.byKey[$0.key] == nil }
    }

    /// Whether nothing was added, removed or changed.
    public var isEmpty: Bool { added.isEmpty && removed.isEmpty && changed.isEmpty }

    /// One entry per key (the last), in order of each key's first appearance.
    private static func lastByKey(
        _ entries: [ResolvedEntry]
    ) -> (ordered: [ResolvedEntry], byKey: [String: ResolvedEntry]) {
        var byKey: [String: ResolvedEntry] = [:]
        var keys: [String] = []
        for entry in entries {
            if byKey.updateValue(entry, forKey: entry.key) == nil {
                keys.append(entry.key)
            }
        }
        return (keys.map { byKey[$0]! }, byKey)
    }
}
