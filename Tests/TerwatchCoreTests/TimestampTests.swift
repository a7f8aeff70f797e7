import Testing
import TerwatchCore

@Suite struct TimestampTests {
    @Test(arguments: [
        (Int64(0), "1970-01-01T00:00:00.000Z"),
        (1_795_299_578_123, "2026-11-21T22:19:38.123Z"),
        (1_709_251_199_999, "2024-02-29T23:59:59.999Z"),
        (951_868_800_000, "2000-03-01T00:00:00.000Z"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z"),
        (-1, "1969-12-31T23:59:59.999Z"),
        (-2_208_988_800_000, "1900-01-01T00:00:00.000Z"),
    ])
    func writesRFC3339InUTCToTheMillisecond(milliseconds: Int64, text: String) {
        #expect(Timestamp(millisecondsSinceEpoch: milliseconds).description == text)
    }

    @Test func nowIsTheWallClock() {
        let before = Timestamp(millisecondsSinceEpoch: 1_767_225_600_000)  // 2026-01-01
        #expect(Timestamp.now() > before)
        #expect(Timestamp.now().description.count == "2026-11-21T22:19:38.123Z".count)
    }
}
