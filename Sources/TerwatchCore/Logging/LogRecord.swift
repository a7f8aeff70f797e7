/// One log line before it is written: when, how important, what happened, and its fields in order.
public struct LogRecord: Hashable, Sendable {
    /// When it happened (shown in JSON lines only: text lines share stderr with the child, whose
    /// supervisor or journal stamps them).
    public var time: Timestamp
    /// How important it is.
    public var level: LogLevel
    /// What happened, a fixed identifier: `reload`, `rejected`, `restart`.
    public var event: String
    /// The details, in the order written; names other than `time`, `level` and `event`.
    public var fields: [Field]

    /// One `name=value` detail.
    public struct Field: Hashable, Sendable {
        /// The field's name, a fixed identifier.
        public var name: String
        /// Its value.
        public var value: LogValue

        /// Creates a field.
        public init(_ name: String, _ value: LogValue) {
            self.name = name
            self.value = value
        }
    }

    /// Creates a record.
    public init(time: Timestamp, level: LogLevel, event: String, fields: [Field]) {
        self.time = time
        self.level = level
        self.event = event
        self.fields = fields
    }

    /// The whole line in `format`, line break included.
    ///
    /// Text: `terwatch: ` (then `error: `, `warning: ` or `debug: ` for those
    /// levels), the event and ` name=value` for each field. JSON: one object
    /// whose members are `time`, `level`, `event`, then the fields.
    public func line(in format: LogFormat) -> String {
        switch format {
        case .text:
            var line = "terwatch: " + (level == .info ? "" : level.rawValue + ": ") + LogValue.string(event).text
            for field in fields { line += " \(field.name)=\(field.value.text)" }
            return line + "\n"
        case .json:
            var line = "{\"time\":\"\(time)\",\"level\":\"\(level.rawValue)\",\"event\":" + JSONWriter.quote(event)
            for field in fields { line += "," + JSONWriter.quote(field.name) + ":" + field.value.json }
            return line + "}\n"
        }
    }
}
