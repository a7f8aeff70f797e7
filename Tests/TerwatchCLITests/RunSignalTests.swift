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

        @Test func killingTerwatchTakesTheChildsWholeGroupDown() throws {
            // The server the child starts in the background, in the child's group: what `sh -c 'server'` leaves.
            let script = #"sleep 300 & echo "server $!" >&2"# + "\n" + RunSession.childScript
            let session = try RunSession(script: script)
            let server = try #require(Int32(try session.logLine("server ").split(separator: " ")[1]))
            let pid = try session.ready("one")
            session.terwatch.send(SIGKILL)
            // Dead: gone, or a zombie waiting for whichever process reaps orphans here.
            #expect(ProcStat.eventually { Self.isDead(pid) }, "child \(pid) outlived terwatch")
            #expect(ProcStat.eventually { Self.isDead(server) }, "the child's background server \(server) outlived terwatch")
        }

        @Test func theGroupGuardLivesInASessionOfItsOwnAndEndsWithTerwatch() throws {
            let session = try RunSession()
            let child = try session.ready("one")
            let others = ProcStat.all().filter { $0.stat.parent == session.terwatch.pid && $0.pid != child }
            #expect(others.count == 1, "\(others.map(\.pid))")
            let guardPid = try #require(others.first?.pid)
            #expect(others.first?.stat.session == guardPid)
            // It holds the pipe from terwatch and terwatch's inotify descriptor (whose teardown it takes off terwatch's exit), nothing else,
            // once it has run: it starts with a copy of terwatch's descriptors and closes the rest itself.
            func held() -> [String] {
                ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(guardPid)/fd")) ?? []).sorted().map {
                    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(guardPid)/fd/\($0)")) ?? "?"
                }
            }
            #expect(ProcStat.eventually { held().count == 2 }, "\(held())")
            #expect(held().contains("anon_inode:inotify") && held().contains { $0.hasPrefix("pipe:") }, "\(held())")
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0, "\(session.terwatch.errorOutput)")
            #expect(ProcStat.eventually { Self.isDead(guardPid) }, "guard \(guardPid) outlived terwatch")
        }

        /// Whether `pid` has exited (no process, or a zombie).
        static func isDead(_ pid: pid_t) -> Bool {
            ProcStat(pid).map { $0.state == "Z" } ?? true
        }
    }
}
