/// Why the audit log cannot be opened or a record cannot be written.
public enum AuditLogError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A system call on the log failed (no space, no permission…).
    case system(SystemCallError)
    /// The log's last line has no line break: a write was cut short and the chain cannot go on from it.
    case incompleteRecord(path: String)

    /// `cannot write 'audit.log': no space left on device`.
    public var description: String {
        switch self {
        case .system(let error): error.description
        case .incompleteRecord(let path): "audit log '\(path)' ends in an incomplete record; complete or move it"
        }
    }
}
