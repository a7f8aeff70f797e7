import TerwatchEnv

/// Reads, parses and resolves a set of sources once.
public struct Loader: Sendable {
    /// What to load and how.
    public var options: LoadOptions

    /// Creates a loader.
    public init(options: LoadOptions) {
        self.options = options
    }

    /// Loads every source against `environment` (ignored when the options are pristine).
    ///
    /// A source that cannot be read fails the load; a missing one does too
    /// unless the sources allow it. Problems inside files are diagnostics.
    /// Secrets directories, then `NAME_FILE` targets, are layered after the
    /// sources (`Loader+Secrets`).
    public func load(environment: InheritedEnvironment) throws(SystemCallError) -> LoadedEnvironment {
        let inherited = options.pristine ? InheritedEnvironment.empty : environment
        let parser = DotenvParser(limits: options.limits, expands: options.expand)
        let (sum, overflow) = options.limits.maxFileBytes.addingReportingOverflow(1)
        let readLimit = overflow ? Int.max : sum
        var files: [ParsedFile] = []
        var digests: [SourceDigest] = []
        for path in try options.sources.files() {
            let bytes: [UInt8]
            do {
                bytes = try FileSystem.contents(of: path, limit: readLimit)
            } catch where error.isMissing && options.sources.allowMissing {
                continue
            }
            digests.append(SourceDigest(path: path, contents: bytes))
            guard bytes.count <= options.limits.maxFileBytes else {
                files.append(oversized(path))
                continue
            }
            files.append(parser.parse(bytes, path: path))
        }
        var secrets = try readSecretsDirectories(readLimit: readLimit)
        let resolver = Resolver(options: Resolver.Options(
            inheritedWins: options.inheritedWins,
            limits: options.limits
        ))
        var resolution = resolver.resolve(files + secrets.files, environment: secrets.lookup(over: inherited))
        if options.resolvesFileReferences, readFileReferences(of: resolution, into: &secrets, readLimit: readLimit) {
            resolution = resolver.resolve(files + secrets.files, environment: secrets.lookup(over: inherited))
        }
        return secrets.environment(after: files, digests: digests, resolution: resolution, inherited: inherited)
    }

    /// A file that reading stopped short of: an error naming its size (read no further than the limit).
    func oversized(_ path: String) -> ParsedFile {
        let limit = options.limits.maxFileBytes
        let size = (try? FileSystem.size(of: path)) ?? nil
        let message = size.map { "file is \($0) bytes, over the limit of \(limit) bytes" }
            ?? "file is over the limit of \(limit) bytes"
        let diagnostic = Diagnostic(.error, path: path, position: SourcePosition(line: 1, column: 1), message: message)
        return ParsedFile(path: path, entries: [], diagnostics: [diagnostic])
    }
}
