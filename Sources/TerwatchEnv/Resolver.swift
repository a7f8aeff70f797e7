/// Merges parsed files and expands every value against the merged set.
public struct Resolver: Sendable {
    /// How resolution behaves.
    public struct Options: Hashable, Sendable {
        /// Whether an inherited variable wins over a file's value (`--no-override`).
        public var inheritedWins: Bool
        /// The bounds on chains of references and on expanded value sizes.
        public var limits: ParseLimits

        /// Creates options; by default files win over inherited variables.
        public init(inheritedWins: Bool = false, limits: ParseLimits = .default) {
            self.inheritedWins = inheritedWins
            self.limits = limits
        }
    }

    /// The options in force.
    public var options: Options

    /// Creates a resolver.
    public init(options: Options = Options()) {
        self.options = options
    }

    /// Resolves `files` (later files override earlier ones); `environment` looks up inherited variables.
    public func resolve(_ files: [ParsedFile], environment: (String) -> String?) -> Resolution {
        var spellings = NameSpellings()
        // Keys first: a key's own spelling wins over that of a reference to it.
        for file in files {
            if case .entries(let entries) = file.content {
                for entry in entries { _ = spellings.spelling(of: entry.key) }
            }
        }
        let compacts = files.map { $0.compact(spellings: &spellings) }
        return withoutActuallyEscaping(environment) { lookup in
            CompactFile.withBoundTexts(of: compacts[...]) { texts in
                var run = ResolutionRun(files: files, compacts: compacts, texts: texts, options: options, environment: lookup)
                return run.resolve()
            }
        }
    }
}
