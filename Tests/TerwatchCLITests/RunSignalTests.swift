import Foundation
import Glibc
import Testing

extension RunTests {
    /// Signals to terwatch, stopping the child, and terwatch's own death.
    @Suite struct Signals {
        @Test func otherSignalsAreForwardedAndTERMEndsWithTheChildsStatus() throws {
            let session = try RunSession(environment: ["TERM_STATUS": "3"])
            let pid = try session.ready("one")
            session.terwatch.send(SIGUSR1)
            try session.logLine("got USR1 \(pid)")
            session.terwatch.send(SIGTERM)
            try session.logLine("got TERM \(pid)")
            #expect(session.terwatch.waitForExit() == 3, "\(session.terwatch.errorOutput)")
        }

        @Test func hupChecksTheSourcesInsteadOfReachingTheChild() throws {
            let session = try RunSession(["-v"])
            let pid = try session.ready("one")
            let mark = session.mark
            session.terwatch.send(SIGHUP)
            try session.logLine("check-requested", from: mark)
            session.terwatch.send(SIGUSR1)
            try session.logLine("got USR1 \(pid)", from: mark)
            #expect(!session.terwatch.lines[mark...].contains { $0.contains("got HUP") })
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0)
        }

        @Test func aChildThatIgnoresTheStopSignalIsKilledAfterTheStopTimeout() throws {
            let script = RunSession.childScript.replacingOccurrences(
                of: #"trap 'echo "got TERM $$" >&2; exit ${TERM_STATUS:-0}' TERM"#,
                with: #"trap 'echo "got TERM $$" >&2' TERM"#)
            let session = try RunSession(script: script, ["--stop-timeout", "300ms"])
            let pid = try session.ready("one")
            session.terwatch.send(SIGTERM)
            try session.logLine("got TERM \(pid)")
            try session.logLine("child \(pid) outlived the stop timeout: SIGKILL to its process group")
            #expect(session.terwatch.waitForExit() == 137, "\(session.terwatch.errorOutput)")
        }

        @Test func killingTerwatchTakesTheChildDown() throws {
            let session = try RunSession()
            let pid = try session.ready("one")
            session.terwatch.send(SIGKILL)
            // Only the child gets the parent-death signal: its own `sleep` keeps stderr open until teardown.
            #expect(RunSession.waitUntilGone(pid), "child \(pid) outlived terwatch")
        }
    }
}
