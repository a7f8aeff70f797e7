import Glibc
import Synchronization

/// terwatch's own log lines on stderr: filtered by level, redacted, one `write(2)` per whole line.
///
/// Every string in a line's fields passes through the current `Redactor`
/// before the line is formatted, so a value is found as it is, not as JSON
/// escaping or quoting has rewritten it; the event and field names are
/// terwatch's own identifiers and are not searched. Lines from several
/// threads never interleave: each is written whole, under a lock, by a
/// `LineWriter`, which drops a line rather than wait on a stopped terminal.
public final class Logger: Sendable {
    /// The form of the lines.
    public let format: LogFormat
    /// The least important level written.
    public let threshold: LogLevel
    private let writer: LineWriter
    private let clock: @Sendable () -> Timestamp
    private let redactor: Mutex<Redactor>
    /// Guards the descriptor; counts the lines that could not be written.
    private let dropped = Mutex(0)

    /// A logger writing to `descriptor` (stderr unless given), stamping JSON lines with `clock`.
    public init(
        format: LogFormat = .text,
        verbosity: Verbosity = .normal,
        descriptor: Int32 = STDERR_FILENO,
        redactor: Redactor = Redactor(secrets: []),
        clock: @escaping @Sendable () -> Timestamp = Timestamp.now
    ) {
        self.format = format
        threshold = LogLevel.threshold(for: verbosity)
        writer = LineWriter(descriptor: descriptor)
        self.clock = clock
        self.redactor = Mutex(redactor)
    }

    /// Redacts with `redactor` from now on: call it with each generation's current and previous secret values.
    public func redact(with redactor: Redactor) {
        self.redactor.withLock { $0 = redactor }
    }

    /// Whether lines of `level` are written; check it before building costly fields.
    public func isEnabled(_ level: LogLevel) -> Bool {
        level <= threshold
    }

    /// The number of lines dropped because the descriptor could not take them.
    public var droppedLines: Int {
        dropped.withLock { $0 }
    }

    /// Writes one line of `level` about `event`, with `fields` in order, if the level is enabled.
    public func log(_ level: LogLevel, _ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        guard isEnabled(level) else { return }
        let redactor = self.redactor.withLock { $0 }
        let record = LogRecord(
            time: clock(), level: level, event: event,
            fields: fields.map { LogRecord.Field($0.key, $0.value.redacted(by: redactor.redact)) })
        let line = record.line(in: format)
        dropped.withLock { count in
            if !writer.write(line) { count += 1 }
        }
    }

    /// Writes an error line.
    public func error(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.error, event, fields)
    }

    /// Writes a warning line.
    public func warning(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.warning, event, fields)
    }

    /// Writes an info line.
    public func info(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.info, event, fields)
    }

    /// Writes a debug line.
    public func debug(_ event: String, _ fields: KeyValuePairs<String, LogValue> = [:]) {
        log(.debug, event, fields)
    }
}
