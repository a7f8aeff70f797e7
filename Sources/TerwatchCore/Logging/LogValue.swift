/// The value of one field of a log line.
///
/// In text lines a string is written bare when it is non-empty and has no
/// blank, control character, `"`, `=` or `\`, and as a JSON string literal
/// otherwise; a list is written `A,B,C` when every element could be bare and
/// has no comma, and as a JSON array otherwise (also when empty: `[]`). A
/// duration is `850us`, `1.8ms`, `2.5s` in text lines, and a number of
/// milliseconds (`0.85`, `1.8`, `2500`) in JSON lines.
public enum LogValue: Hashable, Sendable {
    /// Text, such as a path or a reason.
    case string(String)
    /// A whole number, such as a generation or a pid.
    case integer(Int)
    /// A flag.
    case bool(Bool)
    /// Names, such as the keys a reload changed.
    case list([String])
    /// An elapsed time.
    case duration(Duration)

    /// The value as it appears after `key=` in a text line.
    var text: String {
        switch self {
        case .string(let string):
            return Self.isBare(string) ? string : JSONWriter.quote(string)
        case .integer(let number):
            return String(number)
        case .bool(let flag):
            return flag ? "true" : "false"
        case .list(let elements):
            let plain = !elements.isEmpty && elements.allSatisfy { Self.isBare($0) && !$0.contains(",") }
            return plain ? elements.joined(separator: ",") : JSONWriter.write(.array(elements.map { .string($0) }))
        case .duration(let duration):
            return Self.text(of: duration)
        }
    }

    /// The value as JSON text.
    var json: String {
        switch self {
        case .string(let string): return JSONWriter.quote(string)
        case .integer(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .list(let elements): return JSONWriter.write(.array(elements.map { .string($0) }))
        case .duration(let duration): return Self.milliseconds(of: duration)
        }
    }

    /// The value with every string in it passed through `redact`.
    func redacted(by redact: (String) -> String) -> LogValue {
        switch self {
        case .string(let string): .string(redact(string))
        case .list(let elements): .list(elements.map(redact))
        case .integer, .bool, .duration: self
        }
    }

    /// Whether `string` can follow `key=` as it is and still be read back as one value.
    private static func isBare(_ string: String) -> Bool {
        !string.isEmpty && string.unicodeScalars.allSatisfy { scalar in
            scalar.value > 0x20 && scalar.value != 0x7F && scalar != "\"" && scalar != "=" && scalar != "\\"
                && !scalar.properties.isWhitespace
                && ![.control, .format, .lineSeparator, .paragraphSeparator].contains(scalar.properties.generalCategory)
        }
    }

    /// Whole microseconds in `duration`, rounded half up (durations below zero count as zero).
    private static func microseconds(of duration: Duration) -> Int64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        return seconds * 1_000_000 + (attoseconds + 500_000_000_000) / 1_000_000_000_000
    }

    /// `850us`, `1.8ms`, `250ms`, `2.5s`: the largest unit below the duration, to a tenth.
    private static func text(of duration: Duration) -> String {
        let micro = microseconds(of: duration)
        if micro < 1000 { return "\(micro)us" }
        let tenthsOfMilli = (micro + 50) / 100
        if tenthsOfMilli < 10_000 { return tenths(tenthsOfMilli) + "ms" }
        return tenths((micro + 50_000) / 100_000) + "s"
    }

    /// `18` → `1.8`, `20` → `2`.
    private static func tenths(_ count: Int64) -> String {
        count % 10 == 0 ? String(count / 10) : "\(count / 10).\(count % 10)"
    }

    /// Milliseconds to the microsecond, without trailing zeros: `0.85`, `1.8`, `2500`.
    private static func milliseconds(of duration: Duration) -> String {
        let micro = microseconds(of: duration)
        let fraction = String(micro % 1000)
        let decimals = String(repeating: "0", count: 3 - fraction.count) + fraction
        let trimmed = decimals.reversed().drop { $0 == "0" }.reversed()
        return trimmed.isEmpty ? String(micro / 1000) : "\(micro / 1000).\(String(trimmed))"
    }
}

extension LogValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral
{
    /// A string field written as a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer field written as a literal.
    public init(integerLiteral value: Int) { self = .integer(value) }
    /// A flag written as a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A list written as a literal.
    public init(arrayLiteral elements: String...) { self = .list(elements) }
}
