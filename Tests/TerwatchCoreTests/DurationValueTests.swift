import Testing
import TerwatchCore

@Suite struct DurationValueTests {
    @Test(arguments: [
        ("0", Duration.zero), ("250ms", .milliseconds(250)), ("2s", .seconds(2)), ("1m", .seconds(60)),
        ("1h", .seconds(3600)), ("30", .seconds(30)), ("1.5", .milliseconds(1500)), ("1.5s", .milliseconds(1500)),
        ("0.25h", .seconds(900)), ("0ms", .zero), ("2.5ms", .microseconds(2500)),
    ])
    func parsesNumbersAndUnits(text: String, duration: Duration) {
        #expect(DurationValue(parsing: text)?.duration == duration)
    }

    @Test(arguments: ["", "-1", "ms", "1.", ".5", "1..2", "2 s", "2S", "2d", "1.2.3s", "99999999999999999999h", "9999999999h"])
    func refusesAnythingElse(text: String) {
        #expect(DurationValue(parsing: text) == nil)
    }

    @Test(arguments: [
        (Duration.zero, "0"), (.seconds(30), "30s"), (.milliseconds(250), "250ms"), (.milliseconds(1500), "1500ms"),
        (.seconds(120), "2m"), (.seconds(7200), "2h"), (.microseconds(1), "1000ns"),
    ])
    func printsTheShortestExactForm(duration: Duration, text: String) {
        #expect(DurationValue(duration).description == text)
    }
}
