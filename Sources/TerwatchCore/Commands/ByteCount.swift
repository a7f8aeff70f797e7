/// A size written `1048576`, `512K`, `20M` or `1G` (binary multiples; `KiB`, `MiB`, `GiB` also accepted).
public struct ByteCount: Hashable, Sendable, CustomStringConvertible {
    /// The number of bytes.
    public var bytes: Int

    /// Creates a count of `bytes`.
    public init(bytes: Int) {
        self.bytes = bytes
    }

    /// Parses `text`; nil when it is not a non-negative whole number with an optional unit, or overflows.
    public init?(parsing text: String) {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let shifts: [String: Int] = ["": 0, "K": 10, "KiB": 10, "M": 20, "MiB": 20, "G": 30, "GiB": 30]
        guard !digits.isEmpty, let number = Int(digits), let shift = shifts[String(text.dropFirst(digits.count))] else {
            return nil
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: 1 << shift)
        guard !overflow else { return nil }
        self.bytes = bytes
    }

    /// The count as a plain number of bytes.
    public var description: String { String(bytes) }
}
