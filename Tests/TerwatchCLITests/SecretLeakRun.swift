import Foundation
import Glibc
import Testing

/// A watching terwatch (`watch`, or wrap mode) over the `SecretLeakFixture` sources, with every output a leak could reach, and the checks of that output.
///
/// terwatch runs with a FIFO (`events.fifo`), `--notify-rejections`, an
/// audit log, `validateHook` and `execHook`; its stdout goes to
/// `terwatch.stdout` (in wrap mode the child shares it), its stderr is read
/// line by line.
final class SecretLeakRun {
    /// Prints the whole environment and the password, then fails, when `LOG_LEVEL` is `bad`.
    static let validateHook = #"[ "$LOG_LEVEL" != bad ] || { env; echo "password is $DB_PASSWORD"; exit 3; }"#
    /// Saves its stdin and environment by event, prints three secrets and fails.
    static let execHook = #"cat > "exec-$TERWATCH_EVENT.json"; env > "exec-$TERWATCH_EVENT.env"; echo "exec saw $DB_PASSWORD $API_CRED $signing_secret"; exit 4"#

    let sandbox: Sandbox
    let events: EventFIFO
    let agent: AgentProcess
    /// Every FIFO line read so far.
    private(set) var lines: [String] = []

    /// Writes the old fixture, the unreadable entries and what `prepare` writes, then starts terwatch with `arguments` before the fixture's options and `command` after them.
    init(_ arguments: [String], command: [String] = [], prepare: (Sandbox) throws -> Void = { _ in }) throws {
        sandbox = try Sandbox()
        try SecretLeakFixture(version: "old").write(to: sandbox)
        try SecretLeakFixture.writeUnreadable(to: sandbox)
        try prepare(sandbox)
        events = try EventFIFO(sandbox.path("events.fifo"))
        let all = arguments + [
            "--fifo", "events.fifo", "--notify-rejections", "--audit-log", "audit.log", "--debounce", "300ms",
            "--validate", Self.validateHook, "--exec", Self.execHook,
        ] + SecretLeakFixture.arguments + command
        // sh keeps terwatch's pid and sends its stdout to a file the test reads.
        agent = try AgentProcess(
            sandbox, ["-c", #"exec "$0" "$@" > terwatch.stdout"#, Sandbox.terwatch.path] + all, executable: "/bin/sh")
    }

    /// Waits for the `watching` line, in either log format.
    func waitUntilWatching(json: Bool, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let watching = json ? #""event":"watching""# : "terwatch: watching "
        try #require(agent.waitForLine(containing: watching) != nil, "no watching line:\n\(agent.errorOutput)",
                     sourceLocation: sourceLocation)
    }

    /// The next FIFO event that `matches`, keeping every line read on the way.
    func next(sourceLocation: SourceLocation = #_sourceLocation, _ matches: (Event) -> Bool) throws -> Event {
        while true {
            let line = try #require(events.nextLine(), "no event; stderr:\n\(agent.errorOutput)", sourceLocation: sourceLocation)
            lines.append(line)
            if let event = Event(line: line), matches(event) { return event }
        }
    }

    /// Waits until `count` lines of stderr report a failed exec hook.
    func waitForExecFailures(_ count: Int) -> Bool {
        var from = 0
        for _ in 0..<count {
            guard agent.waitForLine(containing: "exec-failed", from: from) != nil else { return false }
            let lines = agent.lines
            from = (lines.indices.first { $0 >= from && lines[$0].contains("exec-failed") } ?? from) + 1
        }
        return true
    }

    /// After terwatch exited: no canary, old, new or unread, in its stderr, its stdout, the FIFO lines, the audit log or the exec hook's stdin; the audit log holds `records` records and verifies.
    func expectNoCanaryInAnythingTerwatchWrote(records: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let stdout = try String(contentsOfFile: sandbox.path("terwatch.stdout"), encoding: .utf8)
        let audit = try String(contentsOfFile: sandbox.path("audit.log"), encoding: .utf8)
        let execInput = try ["reload", "rejected"].map {
            try String(contentsOfFile: sandbox.path("exec-\($0).json"), encoding: .utf8)
        }.joined()
        let canaries = SecretLeakFixture.allCanaries
        for (text, origin) in [
            (agent.errorOutput, "stderr"), (stdout, "stdout"), (lines.joined(separator: "\n"), "the FIFO"),
            (audit, "the audit log"), (execInput, "the exec hook's stdin"),
        ] {
            SecretLeakFixture.expectNone(of: canaries, in: text, origin, sourceLocation: sourceLocation)
        }
        #expect(audit.split(separator: "\n").count == records, "\(audit)", sourceLocation: sourceLocation)
        #expect(try sandbox.terwatch("audit", "verify", "audit.log").stdout == "ok: \(records) records\n",
                sourceLocation: sourceLocation)
        // What is not secret shows, so the test sees the output.
        #expect(agent.errorOutput.contains("LOG_LEVEL=bad"), sourceLocation: sourceLocation)
        #expect(agent.errorOutput.contains("exec saw <redacted> <redacted> <redacted>"), "\(agent.errorOutput)",
                sourceLocation: sourceLocation)
    }
}
