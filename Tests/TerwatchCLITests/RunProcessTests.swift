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

        @Test func anOrphanStormLeavesNoZombie() throws {
            // Each subshell exits right after starting `:` in the background: 200 orphans for terwatch, the subreaper.
            let storm = #"i=0; while [ $i -lt 200 ]; do ( : & ); i=$((i+1)); done; echo "stormed $$" >&2"#
            let session = try RunSession(script: storm + "\n" + RunSession.childScript, ["-v"])
            try session.logLine("stormed ")
            _ = try session.ready("one")
            let terwatch = session.terwatch.pid
            #expect(ProcStat.eventually { session.terwatch.lines.filter { $0.contains("debug: reaped pid=") }.count >= 200 },
                    "\(session.terwatch.errorOutput)")
            #expect(session.terwatch.lines.filter { $0.contains("debug: reaped pid=") }.count == 200)
            #expect(ProcStat.eventually { RunSession.zombies(of: terwatch).isEmpty }, "\(RunSession.zombies(of: terwatch))")
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0)
        }

        /// A child that exits at once, restarted `always`: starts follow the backoff schedule (0.1 s, 0.2 s, 0.4 s… apart), never a busy loop.
        @Test func aChildThatExitsAtOnceIsRestartedOnTheBackoffScheduleNotInALoop() throws {
            let began = Date()
            let session = try RunSession(script: #"trap 'exit 0' TERM; echo "start $$" >> starts.log"#, ["--restart", "always"])
            try session.logLine("(attempt 4)")
            let starts = try String(contentsOf: session.sandbox.directory.appendingPathComponent("starts.log"), encoding: .utf8)
                .split(separator: "\n")
            // At most 1 + the number of restarts whose delays fit in the time since before the first start.
            let elapsed = Date().timeIntervalSince(began)
            var allowed = 1
            var waited = 0.0
            for attempt in 1... {
                waited += min(0.1 * pow(2, Double(attempt - 1)), 30)
                guard waited <= elapsed else { break }
                allowed += 1
            }
            #expect(starts.count >= 4 && starts.count <= allowed, "\(starts.count) starts in \(elapsed)s")
            let delays = session.terwatch.lines.filter { $0.contains("restarting the child in ") }
                .map { $0.components(separatedBy: "restarting the child in ")[1] }
            #expect(Array(delays.prefix(4)) == [
                "0.100s (attempt 1)\"", "0.200s (attempt 2)\"", "0.400s (attempt 3)\"", "0.800s (attempt 4)\"",
            ])
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 0, "\(session.terwatch.errorOutput)")
        }

        @Test func theChildHoldsOnlyDescriptors0To2AtFirstAndAfterEachRestart() throws {
            // The child says `ready` only once its program has started up, so no descriptor of its own start-up (libraries, locale) is open any more.
            let session = try RunSession(script: """
                exec python3 -c 'import os, sys, time; print("ready", os.getpid(), "G=" + os.environ["G"], file=sys.stderr, flush=True); time.sleep(300)'
                """)
            /// The descriptors child `pid` holds.
            func descriptors(of pid: Int32) -> [String] {
                let names = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd")) ?? []
                return names.sorted { Int($0) ?? 0 < Int($1) ?? 0 }
            }
            var pid = try session.ready("one")
            // terwatch holds an inotify descriptor (and pipes, eventfds, pidfds); none may reach a child.
            #expect(ProcStat.eventually {
                let own = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(session.terwatch.pid)/fd")) ?? []
                return own.contains { (try? FileManager.default.destinationOfSymbolicLink(
                    atPath: "/proc/\(session.terwatch.pid)/fd/\($0)")) == "anon_inode:inotify" }
            })
            #expect(descriptors(of: pid) == ["0", "1", "2"])
            for value in ["two", "three"] {
                let mark = session.mark
                try session.save("G=\(value)\n")
                pid = try session.ready(value, from: mark)
                #expect(descriptors(of: pid) == ["0", "1", "2"], "generation \(value)")
            }
            session.terwatch.send(SIGTERM)
            #expect(session.terwatch.waitForExit() == 128 + SIGTERM, "\(session.terwatch.errorOutput)")
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
