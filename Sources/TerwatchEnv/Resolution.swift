/// A key's final value after merging and expansion, with where it came from.
public struct ResolvedEntry: Hashable, Sendable {
    /// The key.
    public var key: String
    /// The fully expanded value.
    public var value: String
    /// The file that gave the winning definition.
    public var path: String
    /// Where the winning definition's key stands in that file.
    public var position: SourcePosition

    /// Creates a resolved entry.
    public init(key: String, value: String, path: String, position: SourcePosition) {
        self.key = key
        self.value = value
        self.path = path
        self.position = position
    }
}

/// The merged, expanded result of a set of files.
public struct Resolution: Hashable, Sendable {
    /// One entry per key, in the order each key first appears.
    public var entries: [ResolvedEntry]
    /// Problems found while resolving (cycles, `:?` failures, undefined references…).
    public var diagnostics: [Diagnostic]

    /// Creates a resolution.
    public init(entries: [ResolvedEntry], diagnostics: [Diagnostic]) {
        self.entries = entries
        self.diagnostics = diagnostics
    }

    /// The value of `key`, if the files define it.
    public func value(of key: String) -> String? {
        entries.first { $0.key == key }?.value
    }
}
