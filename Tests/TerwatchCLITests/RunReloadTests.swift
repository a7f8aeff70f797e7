import Foundation
import Glibc
import Testing

extension RunTests {
    /// What a committed, rejected or failed reload does to the child.
    @Suite struct Reload {
        @Test func restartStartsANewChildWithTheNewValue() throws {
            let session = try RunSession()
            let first = try session.ready("one")
            let mark = session.mark
            try session.save("G=two\n")
            try session.logLine("got TERM \(first)", from: mark)
            let second = try session.ready("two", from: mark)
            #expect(second != first)
            #expect(RunSession.waitUntilGone(first))
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0, "\(session.terwatch.errorOutput)")
        }

        @Test func signalModeKeepsThePidAndSendsHUP() throws {
            let session = try RunSession(["--on-change", "signal"])
            let pid = try session.ready("one")
            let mark = session.mark
            try session.save("G=two\n")
            try session.logLine("got HUP \(pid)", from: mark)
            #expect(!session.terwatch.lines[mark...].contains { $0.hasPrefix("ready ") }, "\(session.terwatch.errorOutput)")
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0)
        }

        @Test func rejectedReloadLeavesTheChildAlone() throws {
            let session = try RunSession(["--validate", #"test "$G" != bad"#])
            let pid = try session.ready("one")
            let mark = session.mark
            try session.save("G=bad\n")
            try session.logLine("terwatch: error: rejected ", from: mark)
            // A forwarded signal shows the same child still runs, and nothing restarted it meanwhile.
            session.terwatch.send(SIGUSR1)
            try session.logLine("got USR1 \(pid)", from: mark)
            let since = session.terwatch.lines[mark...]
            #expect(!since.contains { $0.hasPrefix("ready ") || $0.contains("got TERM") }, "\(session.terwatch.errorOutput)")
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0)
        }

        @Test func failedReloadRollsBackToTheLastHealthyConfiguration() throws {
            let script = #"if [ "$G" = bad ]; then echo "failing $$" >&2; exit 1; fi"# + "\n" + RunSession.childScript
            var fifo: EventFIFO?
            let session = try RunSession(script: script, ["--rollback-window", "1s", "--fifo", "events.fifo"]) { sandbox in
                fifo = try EventFIFO(sandbox.path("events.fifo"))
            }
            let events = try #require(fifo)
            let first = try session.ready("one")
            try session.logLine("generation 1 is healthy")
            let mark = session.mark
            try session.save("G=bad\n")
            let reload = try #require(events.nextEvent(), "\(session.terwatch.errorOutput)")
            #expect(reload.event == "reload" && reload.generation == 2)
            try session.logLine("failing ", from: mark)
            try session.logLine("generation 2 is unhealthy", from: mark)
            let rolledBack = try #require(events.nextLine(), "\(session.terwatch.errorOutput)")
            #expect(rolledBack.hasPrefix(#"{"event":"rolled-back","generation":3,"#), "\(rolledBack)")
            #expect(rolledBack.contains(#""from_generation":2,"#), "\(rolledBack)")
            let restored = try session.ready("one", from: mark)
            #expect(restored != first)
            try session.logLine("terwatch: warning: rolled-back generation=3 from=2", from: mark)
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0, "\(session.terwatch.errorOutput)")
        }
    }
}
