/// Why signals could not be set up.
public enum SignalError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A `SignalCenter` already runs in this process.
    case alreadyRunning
    /// A call failed with this errno.
    case system(call: String, errno: Int32)

    /// A lowercase one-sentence message naming the culprit.
    public var description: String {
        switch self {
        case .alreadyRunning:
            return "a signal center is already running in this process"
        case let .system(call, code):
            return "\(call) failed: \(errnoText(code))"
        }
    }
}
