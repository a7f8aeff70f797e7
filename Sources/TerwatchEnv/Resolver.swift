/// Merges parsed files and expands every value against the merged set.
public struct Resolver: Sendable {
    /// How resolution behaves.
    public struct Options: Hashable, Sendable {
        /// Whether templates expand (`false` is `--no-expand`: values are taken as written).
        public var expand: Bool
        /// Whether an inherited variable wins over a file's value (`--no-override`).
        public var inheritedWins: Bool
        /// The nesting bound for chains of references.
        public var limits: ParseLimits

        /// Creates options; the defaults expand and let files win.
        public init(expand: Bool = true, inheritedWins: Bool = false, limits: ParseLimits = .default) {
            self.expand = expand
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
        Resolution(entries: [], diagnostics: [])
    }
}
