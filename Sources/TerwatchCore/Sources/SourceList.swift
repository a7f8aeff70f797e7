import Glibc

/// The sources a command loads, as the user named them, and the files they stand for.
///
/// A file stands for itself. A directory stands for every dotenv file in it
/// (`EnvFileName`), found recursively, in byte order of their paths; hidden
/// subdirectories (`.git`, Kubernetes' `..data`) are not entered and symbolic
/// links to directories are not followed, so no file is read twice.
public struct SourceList: Hashable, Sendable {
    /// The source used when none is named.
    public static let defaultPath = ".env"

    /// The sources in order; later ones override earlier ones.
    public var paths: [String]
    /// Whether a missing source counts as empty instead of failing.
    public var allowMissing: Bool

    /// Creates a list; an empty `paths` means `./.env`.
    public init(paths: [String], allowMissing: Bool = false) {
        self.paths = paths.isEmpty ? [Self.defaultPath] : paths
        self.allowMissing = allowMissing
    }

    /// The files to read, in order: each source's own path, or a directory's dotenv files.
    public func files() throws(SystemCallError) -> [String] {
        var files: [String] = []
        for path in paths {
            switch try FileSystem.kind(of: path) {
            case nil:
                if !allowMissing {
                    throw SystemCallError(.open, path: path, code: ENOENT)
                }
            case .directory:
                var found: [String] = []
                try collect(in: path, into: &found)
                files += found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            default:
                files.append(path)
            }
        }
        return files
    }

    private func collect(in directory: String, into found: inout [String]) throws(SystemCallError) {
        for name in try FileSystem.names(in: directory) {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            switch try FileSystem.kind(of: path, followingLinks: false) {
            case .directory:
                if !name.hasPrefix(".") { try collect(in: path, into: &found) }
            case .regular:
                if EnvFileName.isIncluded(name) { found.append(path) }
            case .symbolicLink:
                if EnvFileName.isIncluded(name), try FileSystem.kind(of: path) == .regular {
                    found.append(path)
                }
            case .other, nil:
                continue
            }
        }
    }
}
