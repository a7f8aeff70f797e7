import Foundation
import Testing
@testable import TerwatchCore

extension ProcessTests {
    @Suite struct ChildExitWatcherTests {
        private func spawn(_ command: String) throws -> pid_t {
            try Spawner(executable: "/bin/sh", arguments: ["-c", command], environment: []).spawn()
        }

        @Test func seesAChildThatExitedBeforeItWasAwaited() async throws {
            let pid = try spawn("exit 4")
            #expect(await ProcessProbe.eventually { ProcessProbe.state(of: pid) == "Z" })
            #expect(try await ProcessProbe.exitStatus(of: pid) == .exited(4))
            #expect(ProcessProbe.state(of: pid) == nil)
        }

        @Test func routesEachStatusToItsWaiter() async throws {
            let pids = try (0..<64).map { try spawn("exit \($0)") }
            let statuses = try await withThrowingTaskGroup(of: (Int, ExitStatus).self) { group in
                for (index, pid) in pids.enumerated() {
                    group.addTask { (index, try await ProcessProbe.exitStatus(of: pid)) }
                }
                return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
            }
            #expect(statuses == Dictionary(uniqueKeysWithValues: (0..<64).map { ($0, ExitStatus.exited(Int32($0))) }))
        }

        @Test func keepsUpWithChildrenThatExitAtOnce() async throws {
            let spawner = Spawner(executable: "/bin/true", environment: [])
            var statuses: [ExitStatus] = []
            for _ in 0..<1000 { statuses.append(try await ProcessProbe.exitStatus(of: spawner.spawn())) }
            #expect(statuses == Array(repeating: .exited(0), count: 1000))
        }

        @Test func leavesOtherChildrenToTheirOwnWaiters() async throws {
            // Keep the watcher busy with a child of its own while other code waits for its children.
            let sleeper = try spawn("exec sleep 1000")
            let sleeperStatus = Task { try await ProcessProbe.exitStatus(of: sleeper) }
            defer { kill(sleeper, SIGKILL) }

            let other = try spawn("exit 5")
            var status: Int32 = 0
            #expect(await ProcessProbe.eventually { waitpid(other, &status, WNOHANG) == other })
            #expect(status >> 8 & 0xff == 5)

            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "exit 7"]
            try process.run()
            #expect(await ProcessProbe.eventually { !process.isRunning })
            #expect(process.terminationStatus == 7)

            kill(sleeper, SIGKILL)
            #expect(try await sleeperStatus.value == .signaled(SIGKILL))
        }

        @Test func refusesAProcessThatIsNotAChild() async throws {
            await #expect(throws: ProcessError.systemCall(.waitid, code: ECHILD)) {
                try await ChildExitWatcher.shared.exitStatus(of: getppid())
            }
            let pid = try spawn("exit 0")
            #expect(try await ProcessProbe.exitStatus(of: pid) == .exited(0))
            await #expect(throws: ProcessError.systemCall(.pidfdOpen, code: ESRCH)) {
                try await ChildExitWatcher.shared.exitStatus(of: pid)
            }
        }

        @Test func callsBeforeReapingWhileTheChildIsAZombie() async throws {
            let pid = try spawn("exit 6")
            var seen: (ExitStatus, Character?)?
            let status = try await ChildExitWatcher.shared.exitStatus(of: pid) { status in
                seen = (status, ProcessProbe.state(of: pid))
            }
            #expect(status == .exited(6))
            #expect(seen?.0 == .exited(6))
            #expect(seen?.1 == "Z")
            #expect(ProcessProbe.state(of: pid) == nil)
        }

        @Test func sleepsInPollWithoutATimeout() async throws {
            let sleeper = try spawn("exec sleep 1000")
            let sleeperStatus = Task { try await ProcessProbe.exitStatus(of: sleeper) }
            defer { kill(sleeper, SIGKILL) }
            // /proc/TID/syscall: the call number, then its arguments. The timeout is the third:
            // the int -1 for poll (7), a null timespec for ppoll (271).
            var call: [Substring] = []
            let blocked = await ProcessProbe.eventually {
                guard let thread = ProcessProbe.threads(named: "terwatch-exits").first,
                      let text = try? String(contentsOfFile: "/proc/self/task/\(thread)/syscall", encoding: .utf8)
                else { return false }
                call = text.split(separator: " ")
                return call.first == "7" || call.first == "271"
            }
            #expect(blocked)
            try #require(call.count > 3)
            #expect(call[3] == (call[0] == "7" ? "0xffffffff" : "0x0"))
            kill(sleeper, SIGKILL)
            #expect(try await sleeperStatus.value == .signaled(SIGKILL))
        }

        @Test func failsPendingWaitsAtShutdown() async throws {
            let threadsBefore = ProcessProbe.threads(named: "terwatch-exits").count
            let watcher = ChildExitWatcher()
            // A child that has already exited needs no thread.
            let quick = try spawn("exit 2")
            #expect(await ProcessProbe.eventually { ProcessProbe.state(of: quick) == "Z" })
            #expect(try await watcher.exitStatus(of: quick) == .exited(2))
            #expect(ProcessProbe.threads(named: "terwatch-exits").count == threadsBefore)

            let sleeper = try spawn("exec sleep 1000")
            defer { kill(sleeper, SIGKILL) }
            let pending = Task { () async throws(ProcessError) -> ExitStatus in try await watcher.exitStatus(of: sleeper) }
            #expect(await ProcessProbe.eventually { ProcessProbe.threads(named: "terwatch-exits").count == threadsBefore + 1 })
            await watcher.shutdown()
            await #expect(throws: ProcessError.watcherStopped) { try await pending.value }
            await #expect(throws: ProcessError.watcherStopped) { try await watcher.exitStatus(of: sleeper) }
            #expect(await ProcessProbe.eventually { ProcessProbe.threads(named: "terwatch-exits").count == threadsBefore })

            kill(sleeper, SIGKILL)
            #expect(try await ProcessProbe.exitStatus(of: sleeper) == .signaled(SIGKILL))
        }
    }
}
