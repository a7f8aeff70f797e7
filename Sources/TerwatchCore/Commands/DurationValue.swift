/// A duration written `250ms`, `2s`, `1m`, `1h`, or a plain number of seconds (`0`, `1.5`).
///
/// Fractions are allowed with any unit (`1.5s`, `0.25h`), to the nanosecond;
/// blanks, signs and other units are not.
public struct DurationValue: Hashable, Sendable, CustomStringConvertible {
    /// The duration.
    public var duration: Duration

    /// Wraps `duration`.
    public init(_ duration: Duration) {
        self.duration = duration
    }

    private static let nanosecondsPerUnit: [String: Int64] = [
        "ms": 1_000_000, "s": 1_000_000_000, "": 1_000_000_000, "m": 60_000_000_000, "h": 3_600_000_000_000,
    ]

    /// Parses `text`; nil when it is not a non-negative number with an optional unit, or is too long to hold.
    public init?(parsing text: String) {
        let number = text.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
        guard let scale = Self.nanosecondsPerUnit[String(text.dropFirst(number.count))] else { return nil }
        let parts = number.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, !whole.contains("."), let units = Int64(whole) else { return nil }
        var fraction: Int64 = 0
        if parts.count == 2 {
            let digits = parts[1]
            guard !digits.isEmpty, digits.count <= 18, !digits.contains("."), let value = Int64(digits) else { return nil }
            var divisor: Int64 = 1
            for _ in 0..<digits.count { divisor *= 10 }
            fraction = Int64((Double(value) / Double(divisor) * Double(scale)).rounded())
        }
        let (product, overflow) = units.multipliedReportingOverflow(by: scale)
        let (total, overflowSum) = product.addingReportingOverflow(fraction)
        guard !overflow, !overflowSum else { return nil }
        duration = .nanoseconds(total)
    }

    /// The shortest exact form in one unit: `30s`, `250ms`, `2m`, `1h`, `0`; nanoseconds when nothing coarser is exact.
    public var description: String {
        let (seconds, attoseconds) = duration.components
        let nanoseconds = attoseconds / 1_000_000_000
        if seconds == 0 && nanoseconds == 0 { return "0" }
        if nanoseconds == 0 {
            if seconds % 3600 == 0 { return "\(seconds / 3600)h" }
            if seconds % 60 == 0 { return "\(seconds / 60)m" }
            return "\(seconds)s"
        }
        if nanoseconds % 1_000_000 == 0 {
            let milliseconds = seconds * 1000 + nanoseconds / 1_000_000
            return "\(milliseconds)ms"
        }
        return "\(seconds * 1_000_000_000 + nanoseconds)ns"
    }
}
