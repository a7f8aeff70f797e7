/// Why a `--fifo` cannot be used.
public enum FIFOError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Something other than a FIFO is at the path: what it is (`a regular file`, `a directory`…).
    case notAFIFO(path: String, found: String)
    /// A system call on it failed.
    case system(SystemCallError)

    /// `'events' is a regular file, not a FIFO`.
    public var description: String {
        switch self {
        case .notAFIFO(let path, let found): "'\(path)' is \(found), not a FIFO"
        case .system(let error): error.description
        }
    }
}
