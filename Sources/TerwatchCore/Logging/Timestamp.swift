import Glibc

/// A wall-clock instant (UTC) to the nanosecond, written in RFC 3339 with milliseconds: `2026-11-21T22:19:38.123Z`.
///
/// The form of every `time` terwatch writes: JSON log lines, events, audit records.
public struct Timestamp: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Whole seconds since 1970-01-01T00:00:00Z (negative before).
    public let seconds: Int64
    /// Nanoseconds into that second, 0 to 999 999 999.
    public let nanoseconds: Int32

    /// The instant `seconds` and `nanoseconds` after the epoch; nanoseconds beyond a second carry into the seconds.
    public init(seconds: Int64, nanoseconds: Int64 = 0) {
        let perSecond: Int64 = 1_000_000_000
        let carry = nanoseconds >= 0 ? nanoseconds / perSecond : (nanoseconds - perSecond + 1) / perSecond
        self.seconds = seconds + carry
        self.nanoseconds = Int32(nanoseconds - carry * perSecond)
    }

    /// The system's wall clock now (`CLOCK_REALTIME`).
    public static func now() -> Timestamp {
        var time = timespec()
        clock_gettime(CLOCK_REALTIME, &time)
        return Timestamp(seconds: Int64(time.tv_sec), nanoseconds: Int64(time.tv_nsec))
    }

    /// Earlier instants first.
    public static func < (left: Timestamp, right: Timestamp) -> Bool {
        (left.seconds, left.nanoseconds) < (right.seconds, right.nanoseconds)
    }

    /// `YYYY-MM-DDTHH:MM:SS.mmmZ`, in UTC, the milliseconds truncated.
    public var description: String {
        let perDay: Int64 = 86_400
        let days = seconds >= 0 ? seconds / perDay : (seconds - perDay + 1) / perDay
        let secondOfDay = seconds - days * perDay
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        return "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
            + "T\(Self.padded(secondOfDay / 3600, 2)):\(Self.padded(secondOfDay / 60 % 60, 2))"
            + ":\(Self.padded(secondOfDay % 60, 2)).\(Self.padded(Int64(nanoseconds) / 1_000_000, 3))Z"
    }

    /// The proleptic Gregorian date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
    private static func civilDate(daysSinceEpoch days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// `number` in decimal, zero-padded on the left to `width` digits.
    private static func padded(_ number: Int64, _ width: Int) -> String {
        let digits = String(number)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
