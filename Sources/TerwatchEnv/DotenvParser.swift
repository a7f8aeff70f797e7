/// Parses one dotenv file's bytes into ordered entries and diagnostics.
public struct DotenvParser: Sendable {
    /// The size and depth bounds applied while parsing.
    public var limits: ParseLimits

    /// Creates a parser with the given limits.
    public init(limits: ParseLimits = .default) {
        self.limits = limits
    }

    /// Parses `bytes` (the whole file) read from `path`.
    public func parse(_ bytes: [UInt8], path: String) -> ParsedFile {
        ParsedFile(path: path, entries: [])
    }
}
