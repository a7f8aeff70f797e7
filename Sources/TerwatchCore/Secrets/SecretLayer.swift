import TerwatchEnv

/// What the secret sources add to a load, layered after the env files: the entries of secrets directories, then the targets of `NAME_FILE` references.
struct SecretLayer {
    /// The files read, in order, each defining its key literally (or holding the error that kept it from doing so).
    private(set) var files: [ParsedFile] = []
    /// Diagnostics about things not read (skipped entries, references), each as a file of no entries.
    private(set) var notes: [ParsedFile] = []
    /// The hash of each file read, once per path.
    private(set) var digests: [SourceDigest] = []
    /// The files that define a key, in order.
    private(set) var sources: [SecretSource] = []
    /// Every path a `NAME_FILE` key named.
    var referencedPaths: [String] = []

    /// Records the bytes read from `path`.
    mutating func read(_ bytes: [UInt8], from path: String) {
        if !digests.contains(where: { $0.path == path }) {
            digests.append(SourceDigest(path: path, contents: bytes))
        }
    }

    /// Adds the file at `path` defining `key` as `value`, taken literally.
    mutating func define(_ key: String, as value: String, path: String, origin: SecretSource.Origin) {
        let entry = Entry(key: key, value: .literal(value), quoting: .single, position: Self.start)
        files.append(ParsedFile(path: path, entries: [entry]))
        sources.append(SecretSource(path: path, key: key, origin: origin))
    }

    /// Adds a file read that defines nothing, with the error that says why (a file or value over its limit).
    mutating func add(_ file: ParsedFile) {
        files.append(file)
    }

    /// Adds a diagnostic about `path` that is not about a file read.
    mutating func note(_ severity: Diagnostic.Severity, _ message: String, path: String, at position: SourcePosition = start) {
        notes.append(ParsedFile(path: path, entries: [], diagnostics: [Diagnostic(severity, path: path, position: position, message: message)]))
    }

    /// `inherited`, then the values this layer defines: what env files that refer to a secret resolve against.
    ///
    /// With secret values known as if inherited, a reference in an env file to
    /// a mounted secret raises no warning that line-by-line dotenv readers
    /// would see it undefined (they never read secrets directories). Inherited
    /// variables still come first, so `--no-override` keeps its meaning.
    func lookup(over inherited: InheritedEnvironment) -> (String) -> String? {
        var values: [String: String] = [:]
        for file in files {
            for entry in file.entries {
                if case .literal(let value) = entry.value { values[entry.key] = value }
            }
        }
        return { inherited.lookup($0) ?? values[$0] }
    }

    /// The load of `files` then this layer, resolved as `resolution`.
    func environment(
        after files: [ParsedFile], digests: [SourceDigest], resolution: Resolution, inherited: InheritedEnvironment
    ) -> LoadedEnvironment {
        var loaded = LoadedEnvironment(
            files: files + self.files + notes, resolution: resolution, inherited: inherited,
            sourceDigests: digests + self.digests
        )
        loaded.files = files + self.files
        loaded.secretSources = sources
        loaded.referencedPaths = referencedPaths
        return loaded
    }

    /// Where a secret file's only entry stands.
    static let start = SourcePosition(line: 1, column: 1)
}
