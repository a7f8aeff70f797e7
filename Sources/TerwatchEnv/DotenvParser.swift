/// Parses one dotenv file's bytes into ordered entries and diagnostics.
public struct DotenvParser: Sendable {
    /// The size and depth bounds applied while parsing.
    public var limits: ParseLimits
    /// Whether `$` starts a reference; `false` takes every value literally (`--no-expand`).
    public var expands: Bool

    /// Creates a parser with the given limits.
    public init(limits: ParseLimits = .default, expands: Bool = true) {
        self.limits = limits
        self.expands = expands
    }

    /// Parses `bytes` (the whole file) read from `path`.
    public func parse(_ bytes: [UInt8], path: String) -> ParsedFile {
        let maxFileBytes = min(limits.maxFileBytes, CompactFile.maxSourceBytes)
        guard bytes.count <= maxFileBytes else {
            let message = "file is \(bytes.count) bytes, over the limit of \(maxFileBytes) bytes"
            return ParsedFile(
                path: path, entries: [],
                diagnostics: [Diagnostic(.error, path: path, position: SourcePosition(line: 1, column: 1), message: message)]
            )
        }
        return bytes.withUnsafeBufferPointer { buffer in
            var session = ParseSession(bytes: buffer, path: path, limits: limits, expands: expands)
            session.run()
            let file = CompactFile(source: bytes, builder: session.output)
            return ParsedFile(path: path, compact: file, diagnostics: session.sortedDiagnostics())
        }
    }

    /// Parses the UTF-8 text `text` as if read from `path`.
    public func parse(_ text: String, path: String) -> ParsedFile {
        parse(Array(text.utf8), path: path)
    }
}
