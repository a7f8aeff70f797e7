import Glibc

/// A failed system call on a path: which call, which path, which errno.
public struct SystemCallError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The system calls terwatch makes on files, named as the user reads them in messages.
    public enum Call: String, Hashable, Sendable {
        /// `open(2)`; also reported for a source that does not exist.
        case open
        /// `read(2)`.
        case read
        /// `stat(2)` or `lstat(2)`.
        case stat
        /// `opendir(3)`.
        case opendir
        /// `readdir(3)`.
        case readdir
        /// `mkfifo(3)`, creating a `--fifo`.
        case mkfifo
        /// `write(2)`.
        case write
        /// `fsync(2)`, making an audit record durable.
        case fsync
        /// `flock(2)`, taking the audit log for one record.
        case flock
    }

    /// The call that failed.
    public var call: Call
    /// The path it was given, as the user named it.
    public var path: String
    /// The errno it set.
    public var code: Int32

    /// Creates an error from a call, a path and an errno value.
    public init(_ call: Call, path: String, code: Int32) {
        self.call = call
        self.path = path
        self.code = code
    }

    /// Whether the error says the path does not exist.
    public var isMissing: Bool { code == ENOENT || code == ENOTDIR }

    /// The system's text for the errno, starting lowercase: `no such file or directory`.
    public var reason: String {
        errnoText(code)
    }

    /// `cannot open '.env': no such file or directory`.
    public var description: String {
        "cannot \(call.rawValue) '\(path)': \(reason)"
    }
}
