import TerwatchEnv

/// How a set of sources is read, parsed and resolved.
public struct LoadOptions: Hashable, Sendable {
    /// The sources and whether missing ones are allowed.
    public var sources: SourceList
    /// Whether values expand (`--no-expand` turns it off).
    public var expand: Bool
    /// Whether inherited variables win over file values (`--no-override`).
    public var inheritedWins: Bool
    /// Whether the inherited environment is ignored (`--pristine`).
    public var pristine: Bool
    /// Size bounds for files, values and key counts.
    public var limits: ParseLimits
    /// Directories whose files are one secret key each (`--secrets-dir`), layered after the sources in this order.
    public var secretsDirectories: [String]
    /// Whether a key `NAME_FILE=/path` also defines `NAME` as the content of `/path` (`--resolve-file-refs`).
    public var resolvesFileReferences: Bool

    /// Creates options; the defaults expand, let files win and inherit the environment.
    public init(
        sources: SourceList = SourceList(paths: []),
        expand: Bool = true,
        inheritedWins: Bool = false,
        pristine: Bool = false,
        limits: ParseLimits = .default,
        secretsDirectories: [String] = [],
        resolvesFileReferences: Bool = false
    ) {
        self.sources = sources
        self.expand = expand
        self.inheritedWins = inheritedWins
        self.pristine = pristine
        self.limits = limits
        self.secretsDirectories = secretsDirectories
        self.resolvesFileReferences = resolvesFileReferences
    }

    /// The same options with other sources.
    public func reading(_ sources: SourceList) -> LoadOptions {
        var options = self
        options.sources = sources
        return options
    }
}
