import Testing
import TerwatchCore

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_299_578, 123_456_789, "2026-11-21T22:19:38.123Z"),
        (1_709_251_199, 999_999_999, "2024-02-29T23:59:59.999Z"),
        (951_868_800, 0, "2000-03-01T00:00:00.000Z"),
        (253_402_300_799, 999_000_000, "9999-12-31T23:59:59.999Z"),
        (-1, 999_000_000, "1969-12-31T23:59:59.999Z"),
        (-2_208_988_800, 0, "1900-01-01T00:00:00.000Z"),
    ])
    func writesRFC3339InUTCToTheMillisecond(seconds: Int64, nanoseconds: Int64, text: String) {
        #expect(Timestamp(seconds: seconds, nanoseconds: nanoseconds).description == text)
    }

    @Test func carriesNanosecondsIntoSeconds() {
        #expect(Timestamp(seconds: 10, nanoseconds: 2_500_000_000) == Timestamp(seconds: 12, nanoseconds: 500_000_000))
        #expect(Timestamp(seconds: 10, nanoseconds: -1) == Timestamp(seconds: 9, nanoseconds: 999_999_999))
        #expect(Timestamp(seconds: 0, nanoseconds: -1_000_000_000) == Timestamp(seconds: -1))
    }

    @Test func nowIsTheWallClock() {
        #expect(Timestamp.now() > Timestamp(seconds: 1_767_225_600))  // 2026-01-01
        #expect(Timestamp.now().description.count == "2026-11-21T22:19:38.123Z".count)
    }
}
