/// One definition in a dotenv file, in source order.
public struct Entry: Hashable, Sendable {
    /// What the definition gives its key.
    public enum Value: Hashable, Sendable {
        /// A value taken literally (single quotes, backticks, quoted heredocs, secret files).
        case literal(String)
        /// A value that expands (unquoted, double quotes, unquoted heredocs).
        case template(Template)
        /// A bare `KEY` line: the inherited value if set, else nothing.
        case inherited
    }

    /// How the value was written; kept so `check` can explain peer differences.
    public enum Quoting: Hashable, Sendable {
        case none
        case single
        case double
        case backtick
        case heredoc
        case bare
    }

    /// The key.
    public var key: String
    /// The value.
    public var value: Value
    /// How the value was quoted.
    public var quoting: Quoting
    /// Where the key starts.
    public var position: SourcePosition

    /// Creates an entry.
    public init(key: String, value: Value, quoting: Quoting, position: SourcePosition) {
        self.key = key
        self.value = value
        self.quoting = quoting
        self.position = position
    }
}
