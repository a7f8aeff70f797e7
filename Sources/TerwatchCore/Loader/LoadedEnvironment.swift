import TerwatchEnv

/// The result of one load: the parsed files, their resolution, and every diagnostic in order.
public struct LoadedEnvironment: Sendable {
    /// The files read, in load order.
    public var files: [ParsedFile]
    /// The merged, expanded keys the files define.
    public var resolution: Resolution
    /// The environment the load inherited (empty when pristine).
    public var inherited: InheritedEnvironment
    /// Every parse and resolve diagnostic, ordered by file (load order) then position.
    public var diagnostics: [Diagnostic]
    /// The hash of the bytes read from each file, in load order.
    public var sourceDigests: [SourceDigest]
    /// The files read from secrets directories and `NAME_FILE` references, in load order: each defines one secret key.
    public var secretSources: [SecretSource] = []
    /// Every path a `NAME_FILE` key named (`--resolve-file-refs`), read or not: sources to watch along with the load options' own.
    public var referencedPaths: [String] = []

    /// Creates a result and orders its diagnostics.
    public init(
        files: [ParsedFile],
        resolution: Resolution,
        inherited: InheritedEnvironment,
        sourceDigests: [SourceDigest] = []
    ) {
        self.files = files
        self.resolution = resolution
        self.inherited = inherited
        self.sourceDigests = sourceDigests
        var rank: [String: Int] = [:]
        for (index, file) in files.enumerated() where rank[file.path] == nil {
            rank[file.path] = index
        }
        let all = files.flatMap(\.diagnostics) + resolution.diagnostics
        diagnostics = all.enumerated().sorted { lhs, rhs in
            let left = (rank[lhs.element.path] ?? files.count, lhs.element.position)
            let right = (rank[rhs.element.path] ?? files.count, rhs.element.position)
            if left.0 != right.0 { return left.0 < right.0 }
            if left.1 != right.1 { return left.1 < right.1 }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The value a process started with this environment would see: the files' value, else the inherited one.
    public func value(of key: String) -> String? {
        resolution.value(of: key) ?? inherited.lookup(key)
    }
}
