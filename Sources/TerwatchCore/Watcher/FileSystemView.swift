/// What one path is, seen without following a final symlink (like `lstat`).
public enum FileNode: Equatable, Sendable {
    /// Nothing is there (or it cannot be reached).
    case missing
    /// A regular file, or anything else that is not a directory or a symlink.
    case file
    /// A directory.
    case directory
    /// A symbolic link and the text it holds.
    case symlink(target: String)
}

/// The read-only questions the watch-set computation asks of a file system; faked in tests.
public protocol FileSystemView: Sendable {
    /// What is at an absolute path, without following a final symlink.
    func node(at path: String) -> FileNode
    /// The names in a directory, without `.` and `..`; empty when it cannot be read.
    func entries(of directory: String) -> [String]
}

/// Joins a directory and a name without doubling the slash after `/`.
func joinPath(_ directory: String, _ name: String) -> String {
    directory == "/" ? "/" + name : directory + "/" + name
}

/// The directory that contains an absolute path (`/` for `/` itself).
func parentPath(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
    return String(path[..<slash])
}

/// The text of a NUL-terminated C buffer.
func string(fromCBuffer buffer: [CChar]) -> String {
    String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
