import Glibc

/// A point in wall-clock time (UTC), to the nanosecond; written as RFC 3339 with milliseconds.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before).
    public let seconds: Int64
    /// Nanoseconds into that second, 0 to 999 999 999.
    public let nanoseconds: Int32

    private static let nanosecondsPerSecond: Int64 = 1_000_000_000
    private static let secondsPerDay: Int64 = 86_400

    /// Creates a timestamp; nanoseconds beyond a second carry into the seconds.
    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        let carry = nanoseconds >= 0
            ? nanoseconds / Self.nanosecondsPerSecond
            : (nanoseconds + 1) / Self.nanosecondsPerSecond - 1
        self.seconds = seconds + carry
        self.nanoseconds = Int32(nanoseconds - carry * Self.nanosecondsPerSecond)
    }

    /// The current time, from `clock_gettime(CLOCK_REALTIME)`.
    public static func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }

    /// Whether `lhs` comes before `rhs`.
    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }

    /// RFC 3339 in UTC with milliseconds (truncated): `2026-11-21T22:19:38.123Z`.
    public var description: String {
        let dayCount = seconds >= 0 ? seconds / Self.secondsPerDay : (seconds + 1) / Self.secondsPerDay - 1
        let secondOfDay = Int(seconds - dayCount * Self.secondsPerDay)
        let date = CivilDate(daysSinceEpoch: Int(dayCount))
        return padded(date.year, 4) + "-" + padded(date.month, 2) + "-" + padded(date.day, 2)
            + "T" + padded(secondOfDay / 3600, 2) + ":" + padded(secondOfDay / 60 % 60, 2)
            + ":" + padded(secondOfDay % 60, 2) + "." + padded(Int(nanoseconds) / 1_000_000, 3) + "Z"
    }

    private func padded(_ number: Int, _ width: Int) -> String {
        let digits = String(number.magnitude)
        let sign = number < 0 ? "-" : ""
        return sign + String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
