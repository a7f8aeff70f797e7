import Testing
import TerwatchCore

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(1_795_299_578), Int64(123_456_789), "2026-11-21T22:19:38.123Z"),
        (0, 0, "1970-01-01T00:00:00.000Z"),
        (-1, 999_000_000, "1969-12-31T23:59:59.999Z"),
        (951_782_400, 5_000_000, "2000-02-29T00:00:00.005Z"),
        (1_709_251_199, 0, "2024-02-29T23:59:59.000Z"),
        (4_107_542_400, 0, "2100-03-01T00:00:00.000Z"),
    ])
    func writesRFC3339WithMilliseconds(seconds: Int64, nanoseconds: Int64, text: String) {
        #expect(Timestamp(seconds: seconds, nanoseconds: nanoseconds).description == text)
    }

    @Test func carriesNanosecondsIntoSeconds() {
        #expect(Timestamp(seconds: 10, nanoseconds: 2_500_000_000) == Timestamp(seconds: 12, nanoseconds: 500_000_000))
        #expect(Timestamp(seconds: 10, nanoseconds: -1) == Timestamp(seconds: 9, nanoseconds: 999_999_999))
    }

    @Test func readsTheRealtimeClock() {
        let now = Timestamp.now()
        #expect(now > Timestamp(seconds: 1_700_000_000))
        #expect(now.description.count == 24)
        #expect(now.description.hasSuffix("Z"))
    }
}
