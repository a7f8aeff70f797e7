/// What a one-shot command produced: its result for stdout, its messages for stderr, its exit status.
public struct CommandOutcome: Hashable, Sendable {
    /// Exit status 1: the input is invalid (or a source cannot be read).
    public static let invalidInput: Int32 = 1

    /// The command's result, written to standard output.
    public var output: String
    /// Diagnostics and other messages, one line each, written to standard error.
    public var messages: [String]
    /// The exit status.
    public var status: Int32

    /// Creates an outcome.
    public init(output: String = "", messages: [String] = [], status: Int32 = 0) {
        self.output = output
        self.messages = messages
        self.status = status
    }

    /// Adds `terwatch: error: message` and sets the invalid-input status.
    public mutating func fail(_ message: String) {
        messages.append("terwatch: error: \(message)")
        status = Self.invalidInput
    }

    /// Adds `terwatch: warning: message`.
    public mutating func warn(_ message: String) {
        messages.append("terwatch: warning: \(message)")
    }

    /// Adds `terwatch: message`, a note that `--quiet` silences.
    public mutating func note(_ message: String, unless quiet: Bool) {
        if !quiet { messages.append("terwatch: \(message)") }
    }

    /// Writes the messages to standard error, then the output to standard output.
    public func write() {
        if !messages.isEmpty {
            StandardStreams.writeError(messages.map { $0 + "\n" }.joined())
        }
        if !output.isEmpty {
            StandardStreams.writeOutput(output)
        }
    }
}
