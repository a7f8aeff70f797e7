import Testing
import TerwatchCore

@Suite struct CivilDateTests {
    @Test(arguments: [
        (1970, 1, 1, 0), (1969, 12, 31, -1), (2000, 2, 29, 11016), (2000, 3, 1, 11017),
        (1900, 2, 28, -25509), (1900, 3, 1, -25508), (2024, 2, 29, 19782), (2100, 2, 28, 47540),
        (2100, 3, 1, 47541), (2026, 11, 21, 20778), (1600, 2, 29, -135081), (1, 1, 1, -719162),
        (9999, 12, 31, 2932896),
    ])
    func convertsKnownDates(year: Int, month: Int, day: Int, days: Int) {
        #expect(CivilDate(daysSinceEpoch: days) == CivilDate(year: year, month: month, day: day))
        #expect(CivilDate(year: year, month: month, day: day).daysSinceEpoch == days)
    }

    @Test func roundTripsEveryDayOfFourCenturies() {
        var previous = CivilDate(daysSinceEpoch: -146_098)
        for days in -146_097...146_097 {
            let date = CivilDate(daysSinceEpoch: days)
            let sameMonth = date.year == previous.year && date.month == previous.month
            let nextDay = sameMonth && date.day == previous.day + 1
            let monthAfter = previous.month == 12
                ? (year: previous.year + 1, month: 1) : (year: previous.year, month: previous.month + 1)
            let nextMonth = date.day == 1 && previous.day == length(of: previous.month, in: previous.year)
                && (date.year, date.month) == monthAfter
            if !(nextDay || nextMonth) || date.daysSinceEpoch != days {
                Issue.record("day \(days) is \(date), after \(previous)")
                return
            }
            previous = date
        }
    }

    /// The number of days in a month of the Gregorian calendar.
    private func length(of month: Int, in year: Int) -> Int {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
    }
}
