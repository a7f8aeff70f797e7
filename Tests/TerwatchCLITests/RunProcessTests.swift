import Foundation
import Glibc
import Testing

extension RunTests {
    /// Orphans and a child that exits by itself.
    @Suite struct Processes {
        @Test func anOrphanedGrandchildIsReaped() throws {
            // The middle shell exits at once, so the setsid sleep is re-parented to terwatch, the subreaper.
            let script = #"sh -c 'setsid sleep 0.2 & echo "orphan $!" >&2'"# + "\n" + RunSession.childScript
            let session = try RunSession(script: script)
            let line = try session.logLine("orphan ")
            let orphan = try #require(Int32(line.split(separator: " ")[1]))
            _ = try session.ready("one")
            #expect(RunSession.waitUntilGone(orphan), "orphan \(orphan) not reaped:\n\(session.terwatch.errorOutput)")
            #expect(RunSession.zombies(of: session.terwatch.pid) == [])
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0)
        }

        @Test func onFailureRestartsWithGrowingDelays() throws {
            let script = #"echo "ready $$ G=$G" >&2; exit 1"#
            let session = try RunSession(script: script, ["--restart", "on-failure"])
            let first = try session.logLine("restarting the child in ")
            let second = try session.logLine("(attempt 2)")
            #expect(first.hasSuffix("(attempt 1)\""), "\(first)")
            #expect(first != second)
            #expect(session.terwatch.lines.filter { $0.hasPrefix("ready ") }.count >= 2)
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 1, "\(session.terwatch.errorOutput)")
        }
    }
}
