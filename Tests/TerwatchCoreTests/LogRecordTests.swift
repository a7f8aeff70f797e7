import Testing
@testable import TerwatchCore

@Suite struct LogRecordTests {
    let time = Timestamp(seconds: 1_795_299_578, nanoseconds: 123_000_000)

    func record(_ level: LogLevel = .info, _ event: String = "reload", fields: [LogRecord.Field]) -> LogRecord {
        LogRecord(time: time, level: level, event: event, fields: fields)
    }

    var reload: LogRecord {
        record(fields: [
            .init("generation", 3), .init("changed", ["LOG_LEVEL", "PORT"]), .init("added", ["NEW"]),
            .init("rotated", ["DB_PASSWORD"]), .init("duration", .duration(.microseconds(1800))),
        ])
    }

    @Test func textLineIsPrefixedAndSpaced() {
        #expect(reload.line(in: .text)
            == "terwatch: reload generation=3 changed=LOG_LEVEL,PORT added=NEW rotated=DB_PASSWORD duration=1.8ms\n")
    }

    @Test func jsonLineStartsWithTimeLevelAndEvent() {
        #expect(reload.line(in: .json) == """
            {"time":"2026-11-21T22:19:38.123Z","level":"info","event":"reload","generation":3,\
            "changed":["LOG_LEVEL","PORT"],"added":["NEW"],"rotated":["DB_PASSWORD"],"duration":1.8}

            """)
    }

    @Test func levelsOtherThanInfoAreNamedInText() {
        #expect(record(.error, "rejected", fields: []).line(in: .text) == "terwatch: error: rejected\n")
        #expect(record(.warning, "fifo-full", fields: [.init("dropped", 2)]).line(in: .text)
            == "terwatch: warning: fifo-full dropped=2\n")
        #expect(record(.debug, "read", fields: [.init("path", ".env")]).line(in: .text) == "terwatch: debug: read path=.env\n")
        #expect(record(.debug, "read", fields: []).line(in: .json)
            == "{\"time\":\"2026-11-21T22:19:38.123Z\",\"level\":\"debug\",\"event\":\"read\"}\n")
    }

    @Test func valuesThatWouldNotReadBackAreQuoted() {
        let line = record(.error, "rejected", fields: [
            .init("reason", "validation hook './check.sh' exited with status 3"),
            .init("output", "line one\nline \"two\"\t="), .init("empty", ""), .init("path", "/srv/app/.env"),
            .init("key", "a=b"), .init("nbsp", "a\u{A0}b"), .init("café", "naïve"), .init("ok", true),
        ]).line(in: .text)
        #expect(line == """
            terwatch: error: rejected reason="validation hook './check.sh' exited with status 3" \
            output="line one\\nline \\"two\\"\\t=" empty="" path=/srv/app/.env key="a=b" nbsp="a\u{A0}b" \
            café=naïve ok=true

            """)
    }

    @Test func listsFallBackToJSONArrays() {
        let line = record(fields: [
            .init("none", .list([])), .init("comma", ["A,B", "C"]), .init("blank", ["A B"]), .init("keys", ["A", "B_2"]),
        ]).line(in: .text)
        #expect(line == #"terwatch: reload none=[] comma=["A,B","C"] blank=["A B"] keys=A,B_2"# + "\n")
    }

    @Test(arguments: [
        (Duration.zero, "0us", "0"), (.nanoseconds(499), "0us", "0"), (.nanoseconds(500), "1us", "0.001"),
        (.microseconds(850), "850us", "0.85"), (.microseconds(999), "999us", "0.999"),
        (.microseconds(1000), "1ms", "1"), (.microseconds(1800), "1.8ms", "1.8"), (.microseconds(1849), "1.8ms", "1.849"),
        (.microseconds(1850), "1.9ms", "1.85"), (.milliseconds(250), "250ms", "250"),
        (.microseconds(999_949), "999.9ms", "999.949"), (.microseconds(999_950), "1s", "999.95"),
        (.milliseconds(2500), "2.5s", "2500"), (.seconds(90), "90s", "90000"), (.seconds(-1), "0us", "0"),
    ])
    func durationsInTextAndJSON(duration: Duration, text: String, json: String) {
        #expect(LogValue.duration(duration).text == text)
        #expect(LogValue.duration(duration).json == json)
    }
}
