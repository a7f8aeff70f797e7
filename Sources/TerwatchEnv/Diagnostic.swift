/// A problem found in a source: an error rejects the load, a warning does not (unless strict).
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
    /// How serious a diagnostic is.
    public enum Severity: String, Hashable, Sendable {
        case error
        case warning
    }

    /// Whether this diagnostic rejects the load.
    public var severity: Severity
    /// The path of the file the diagnostic is about, as the user named it.
    public var path: String
    /// Where in the file the problem is.
    public var position: SourcePosition
    /// A lowercase, one-sentence message quoting the culprit.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, path: String, position: SourcePosition, message: String) {
        self.severity = severity
        self.path = path
        self.position = position
        self.message = message
    }

    /// The diagnostic as one line: `PATH:LINE:COLUMN: error: message`.
    public var description: String {
        "\(path):\(position.line):\(position.column): \(severity.rawValue): \(message)"
    }
}

extension Array where Element == Diagnostic {
    /// Whether any diagnostic is an error.
    public var containsErrors: Bool { contains { $0.severity == .error } }
}
