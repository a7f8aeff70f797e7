import Foundation
import Glibc
import Testing
import TerwatchCore

@Suite struct LoggerTests {
    static let time = Timestamp(seconds: 1_795_299_578, nanoseconds: 123_000_000)

    /// Logs with `body` into a drained pipe and returns what came out.
    func output(
        _ format: LogFormat = .text, _ verbosity: Verbosity = .normal, redactor: Redactor = Redactor(secrets: []),
        _ body: (Logger) -> Void
    ) async -> String? {
        let pipe = DrainedPipe()
        pipe.drain()
        body(Logger(format: format, verbosity: verbosity, descriptor: pipe.writeEnd, redactor: redactor) { Self.time })
        return await pipe.finish()
    }

    @Test func writesTextAndJSONLines() async {
        let reload = { (logger: Logger) in
            logger.info("reload", [
                "generation": 3, "changed": ["LOG_LEVEL", "PORT"], "added": ["NEW"], "rotated": ["DB_PASSWORD"],
                "duration": .duration(.microseconds(1800)),
            ])
        }
        #expect(await output(.text, .normal, reload)
            == "terwatch: reload generation=3 changed=LOG_LEVEL,PORT added=NEW rotated=DB_PASSWORD duration=1.8ms\n")
        #expect(await output(.json, .normal, reload) == """
            {"time":"2026-11-21T22:19:38.123Z","level":"info","event":"reload","generation":3,\
            "changed":["LOG_LEVEL","PORT"],"added":["NEW"],"rotated":["DB_PASSWORD"],"duration":1.8}

            """)
    }

    @Test(arguments: [
        (Verbosity.quiet, "terwatch: error: e\n"),
        (.normal, "terwatch: error: e\nterwatch: warning: w\nterwatch: i\n"),
        (.verbose, "terwatch: error: e\nterwatch: warning: w\nterwatch: i\nterwatch: debug: d\n"),
    ])
    func verbosityChoosesTheLevels(verbosity: Verbosity, expected: String) async {
        let text = await output(.text, verbosity) { logger in
            logger.error("e")
            logger.warning("w")
            logger.info("i")
            logger.debug("d")
        }
        #expect(text == expected)
    }

    @Test func isEnabledFollowsTheVerbosity() {
        let quiet = Logger(verbosity: .quiet, descriptor: -1)
        #expect(LogLevel.allCases.map(quiet.isEnabled) == [true, false, false, false])
        let normal = Logger(descriptor: -1)
        #expect(LogLevel.allCases.map(normal.isEnabled) == [true, true, true, false])
        let verbose = Logger(verbosity: .verbose, descriptor: -1)
        #expect(LogLevel.allCases.map(verbose.isEnabled) == [true, true, true, true])
    }

    @Test func secretsAreRedactedBeforeQuotingAndEscaping() async {
        let secret = "pa\"ss\nword!"
        let redactor = Redactor(secrets: [secret, "s3cr3t-token"])
        let hook = "hook said: \(secret) and s3cr3t-token"
        let text = await output(.text, redactor: redactor) { logger in
            logger.error("rejected", ["output": .string(hook), "seen": ["s3cr3t-token", "PORT"], "status": 3])
        }
        #expect(text == #"terwatch: error: rejected output="hook said: <redacted> and <redacted>" seen=<redacted>,PORT status=3"# + "\n")
        let json = await output(.json, redactor: redactor) { logger in logger.error("rejected", ["output": .string(hook)]) }
        #expect(json == """
            {"time":"2026-11-21T22:19:38.123Z","level":"error","event":"rejected",\
            "output":"hook said: <redacted> and <redacted>"}

            """)
    }

    @Test func theRedactorCanBeReplaced() async {
        let text = await output { logger in
            logger.info("seen", ["value": "old-secret new-secret"])
            logger.redact(with: Redactor(secrets: ["new-secret", "old-secret"]))
            logger.info("seen", ["value": "old-secret new-secret"])
        }
        #expect(text == "terwatch: seen value=\"old-secret new-secret\"\nterwatch: seen value=\"<redacted> <redacted>\"\n")
    }

    @Test func linesThatCannotBeWrittenAreCounted() {
        let terminal = hungUpTerminal()
        defer { close(terminal) }
        let logger = Logger(descriptor: terminal)
        logger.info("one")
        logger.error("two")
        logger.debug("not written at all")
        #expect(logger.droppedLines == 2)
    }

    /// Two loggers, so that nothing but the single write(2) per line keeps the lines apart,
    /// as between terwatch and the child it wraps on one stderr pipe.
    @Test func linesFromTwoThreadsStayWhole() async {
        let pipe = DrainedPipe()
        pipe.drain()
        let loggers = [Logger(descriptor: pipe.writeEnd) { Self.time }, Logger(descriptor: pipe.writeEnd) { Self.time }]
        let finished = Recorder<String>()
        let count = 10_000
        for (logger, writer) in zip(loggers, ["a", "b"]) {
            Thread {
                for number in 0..<count {
                    logger.info("tick", ["writer": .string(writer), "n": .integer(number), "pad": .string(String(repeating: writer, count: 100))])
                }
                finished.record(writer)
            }.start()
        }
        #expect(await finished.waitUntil(after: 0, within: .seconds(60)) { $0.count == 2 })
        let lines = await pipe.finish()?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        #expect(lines.count == 2 * count + 1)
        #expect(lines.last == "")
        for writer in ["a", "b"] {
            let expected = (0..<count).map { "terwatch: tick writer=\(writer) n=\($0) pad=\(String(repeating: writer, count: 100))" }
            let seen = lines.filter { $0.hasPrefix("terwatch: tick writer=\(writer) ") }.map(String.init)
            #expect(seen.count == count)
            // The first few differences only: a failure here would otherwise print 20,000 lines.
            #expect(Array(zip(seen, expected).filter { $0 != $1 }.prefix(3)).map(\.0) == [])
        }
        #expect(loggers.map(\.droppedLines) == [0, 0])
    }
}
