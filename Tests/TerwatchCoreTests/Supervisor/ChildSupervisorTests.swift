import Foundation
import Testing
@testable import TerwatchCore

extension SupervisorEvent {
    /// The event with its durations zeroed, to compare runs whose timing varies.
    var untimed: SupervisorEvent {
        if case .exited(let pid, let status, _) = self { return .exited(pid: pid, status: status, uptime: .zero) }
        return self
    }
}

extension ProcessTests {
    @Suite struct ChildSupervisorTests {
        @Test func startsTheChildAndStopsItWithTermToItsGroup() async throws {
            try await SupervisorHarness.run { harness in
                await harness.supervisor.start(harness.configuration(1))
                let pid = try #require(await harness.pid(printing: "ready generation 1"))
                #expect(ChildRegistry.shared.owns(pid))
                #expect(ProcessProbe.stat(of: pid)?[2] == "\(pid)")
                await harness.supervisor.stop()
                #expect(await harness.pid(printing: "got SIGTERM") == pid)
                #expect(await harness.finished() == .exited(0))
                #expect(harness.events.map(\.untimed) == [
                    .started(pid: pid, generation: 1), .stopping(pid: pid, signal: .terminate),
                    .exited(pid: pid, status: .exited(0), uptime: .zero), .finished(.exited(0)),
                ])
                #expect(ProcessProbe.stat(of: pid) == nil)
                #expect(!ChildRegistry.shared.owns(pid))
                #expect(await harness.supervisor.finished() == .exited(0))
            }
        }

        @Test func aStoppedChildIsWokenToHandleTheStopSignal() async throws {
            try await SupervisorHarness.run { harness in
                await harness.supervisor.start(harness.configuration(1))
                let pid = try #require(await harness.pid(printing: "ready generation 1"))
                await harness.supervisor.signal(try UnixSignal(parsing: "STOP"))
                #expect(await ProcessProbe.eventually { ProcessProbe.state(of: pid) == "T" })
                // TERM alone would wait, pending, until the 10 s stop timeout; the CONT after it lets the child handle it now.
                await harness.supervisor.stop()
                #expect(await harness.pid(printing: "got SIGTERM") == pid)
                #expect(await harness.finished() == .exited(0))
            }
        }

        @Test func theStopTimeoutKillsTheWholeGroup() async throws {
            try await SupervisorHarness.run(policy: SupervisorPolicy(stopTimeout: .milliseconds(300))) { harness in
                await harness.supervisor.start(harness.configuration(1, ["GRANDCHILD=1", "IGNORE_TERM=1"]))
                let grandchild = try #require(await harness.pid(printing: "ready"))
                let child = try #require(await harness.pid(printing: "ready generation 1"))
                await harness.supervisor.stop()
                let trapped = [await harness.pid(printing: "got SIGTERM"), await harness.pid(printing: "got SIGTERM")]
                #expect(Set(trapped) == [child, grandchild], "lines: \(harness.lines)")
                #expect(await harness.finished() == .signaled(SIGKILL))
                #expect(ExitStatus.signaled(SIGKILL).code == 137)
                #expect(harness.events.map(\.untimed) == [
                    .started(pid: child, generation: 1), .stopping(pid: child, signal: .terminate),
                    .stopTimedOut(pid: child), .exited(pid: child, status: .signaled(SIGKILL), uptime: .zero),
                    .finished(.signaled(SIGKILL)),
                ])
                // Reported only once the group was gone: nothing of it runs any more.
                #expect(ProcessProbe.isGone(grandchild))
                #expect(ProcessProbe.liveMembers(ofGroup: child) == [])
            }
        }

        @Test func aRestartStartsTheNewChildOnlyOnceTheOldGroupIsGone() async throws {
            let port = try SupervisorProbe.freePort()
            try await SupervisorHarness.run { harness in
                // The grandchild keeps the listening socket and ignores TERM; only its leader exits on TERM.
                await harness.supervisor.start(harness.configuration(1, ["PORT=\(port)", "GRANDCHILD=1"]))
                let grandchild = try #require(await harness.pid(printing: "ready"))
                let old = try #require(await harness.pid(printing: "ready generation 1"))
                await harness.supervisor.restart(harness.configuration(2, ["PORT=\(port)"]))
                let new = try #require(await harness.pid(printing: "ready generation 2"))
                #expect(new != old)
                #expect(!harness.lines.contains { $0.contains("bind failed") })
                #expect(ProcessProbe.isGone(grandchild))
                #expect(harness.events.map(\.untimed) == [
                    .started(pid: old, generation: 1), .stopping(pid: old, signal: .terminate),
                    .exited(pid: old, status: .exited(0), uptime: .zero), .started(pid: new, generation: 2),
                ])
            }
        }

        @Test(arguments: [("exit 7", ExitStatus.exited(7), Int32(7)), ("kill -9 $$", .signaled(SIGKILL), 137), ("exit 0", .exited(0), 0)])
        func terwatchExitsWithTheChildsStatus(command: String, status: ExitStatus, code: Int32) async throws {
            try await SupervisorHarness.run(command: ChildCommand(executable: "/bin/sh", arguments: ["-c", command])) { harness in
                await harness.supervisor.start(harness.configuration(1))
                #expect(await harness.finished() == status)
                #expect(status.code == code)
            }
        }

        @Test func aCommandThatCannotRunGives127Or126WithItsPath() async throws {
            let root = try TemporaryDirectory()
            let plain = try root.write("plain", "#!/bin/sh\nexit 0\n")
            #expect(chmod(plain, 0o644) == 0)
            let junk = try root.write("junk", "neither a script nor a binary\n")
            let orphanedScript = try root.write("script", "#!/nonexistent/interpreter\n")
            #expect(chmod(junk, 0o755) == 0 && chmod(orphanedScript, 0o755) == 0)
            let cases: [(ChildCommand, [String], String, Int32)] = [
                (ChildCommand(executable: root("missing")), [], "cannot run '\(root("missing"))': not found", 127),
                (ChildCommand(executable: "terwatch-no-such-command"), ["PATH=\(root.path)/none"],
                 "cannot run 'terwatch-no-such-command': not found", 127),
                (ChildCommand(executable: plain), [], "cannot run '\(plain)': permission denied", 126),
                // These two pass the lookup and fail in execve: the child reports the errno through its pipe.
                (ChildCommand(executable: junk), [], "cannot run '\(junk)': exec format error", 126),
                (ChildCommand(executable: orphanedScript), [], "cannot run '\(orphanedScript)': no such file or directory", 126),
            ]
            for (command, environment, message, code) in cases {
                try await SupervisorHarness.run(command: command) { harness in
                    await harness.supervisor.start(ChildConfiguration(environment: environment, generation: 1))
                    #expect(await harness.finished() == .exited(code))
                    #expect(harness.events == [.spawnFailed(reason: message, status: .exited(code)), .finished(.exited(code))])
                }
            }
        }

        @Test func aForwardedSignalReachesTheWholeGroupAndKeepsThePid() async throws {
            try await SupervisorHarness.run { harness in
                await harness.supervisor.start(harness.configuration(1, ["GRANDCHILD=1"]))
                let grandchild = try #require(await harness.pid(printing: "ready"))
                let child = try #require(await harness.pid(printing: "ready generation 1"))
                for (signal, text) in [(UnixSignal.user1, "got SIGUSR1"), (.hangup, "got SIGHUP")] {
                    await harness.supervisor.signal(signal)
                    let received = [await harness.pid(printing: text), await harness.pid(printing: text)]
                    #expect(Set(received) == [child, grandchild])
                }
                guard case .running(let running) = await harness.supervisor.state else {
                    Issue.record("not running")
                    return
                }
                #expect(running.pid == child)
                #expect(harness.events.count == 1)
            }
        }

        @Test func aChildThatKeepsFailingIsRestartedWithGrowingDelays() async throws {
            try await SupervisorHarness.run(policy: SupervisorPolicy(restart: .onFailure)) { harness in
                let count = harness.directory("starts")
                await harness.supervisor.start(harness.configuration(1, ["COUNT_FILE=\(count)", "CRASHES=2"]))
                let third = try #require(await harness.pid(printing: "ready generation 1"))
                let pids = harness.events.compactMap { if case .started(let pid, _) = $0 { pid } else { nil } }
                try #require(pids.count == 3)
                #expect(harness.events.map(\.untimed) == [
                    .started(pid: pids[0], generation: 1), .exited(pid: pids[0], status: .exited(1), uptime: .zero),
                    .backingOff(attempt: 1, delay: .milliseconds(100)),
                    .started(pid: pids[1], generation: 1), .exited(pid: pids[1], status: .exited(1), uptime: .zero),
                    .backingOff(attempt: 2, delay: .milliseconds(200)),
                    .started(pid: third, generation: 1),
                ])
            }
        }

        /// A change that arrives while the old child is still stopping: exactly one more start, with the newest configuration.
        @Test func changesDuringARestartCauseExactlyOneMoreStart() async throws {
            try await SupervisorHarness.run { harness in
                let gate = harness.directory("gate")
                #expect(mkfifo(gate, 0o600) == 0)
                // On TERM the child blocks on the gate, so the restart is certainly under way while more changes arrive.
                await harness.supervisor.start(harness.configuration(1, ["HOLD_ON_TERM=\(gate)"]))
                let old = try #require(await harness.pid(printing: "ready generation 1"))
                await harness.supervisor.restart(harness.configuration(2))
                #expect(await harness.pid(printing: "got SIGTERM") == old)
                await harness.supervisor.restart(harness.configuration(3))
                await harness.supervisor.restart(harness.configuration(4))
                var writer: Int32 = -1
                #expect(await ProcessProbe.eventually {
                    writer = open(gate, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
                    return writer >= 0
                })
                close(writer)
                let new = try #require(await harness.pid(printing: "ready generation 4"))
                #expect(harness.events.map(\.untimed) == [
                    .started(pid: old, generation: 1), .stopping(pid: old, signal: .terminate),
                    .exited(pid: old, status: .exited(0), uptime: .zero), .started(pid: new, generation: 4),
                ])
                #expect(await harness.supervisor.snapshot.deadline == nil)
            }
        }

        @Test func aReloadWhoseChildFailsAtOnceAsksForARollback() async throws {
            try await SupervisorHarness.run(policy: SupervisorFixtures.watching(.milliseconds(300))) { harness in
                await harness.supervisor.start(harness.configuration(1))
                _ = try #require(await harness.pid(printing: "ready generation 1"))
                #expect(await harness.event("healthy") { $0 == .healthy(generation: 1) ? true : nil } == true)
                await harness.supervisor.restart(harness.configuration(2, ["EXIT_AT_ONCE=1"]))
                #expect(await harness.event("unhealthy") {
                    $0 == .unhealthy(generation: 2, status: .exited(1), awaitingRollback: true) ? true : nil
                } == true)
                await harness.supervisor.rollBack(to: harness.configuration(3))
                let rolledBack = try #require(await harness.pid(printing: "ready generation 3"))
                #expect(await harness.startedPid(2) == rolledBack)
            }
        }

        @Test func theChildGetsExactlyItsEnvironment() async throws {
            try await SupervisorHarness.run(command: ChildCommand(executable: "/usr/bin/env")) { harness in
                let environment = ["B=two words", "A=1", "EMPTY=", "QUOTES='\"$(x)\"'"]
                await harness.supervisor.start(ChildConfiguration(environment: environment, generation: 1))
                var lines: [String] = []
                for _ in environment { lines.append(await harness.nextLine() ?? "") }
                #expect(lines == environment)
                #expect(await harness.finished() == .exited(0))
            }
        }

        @Test func keepsUpWithAChildThatExitsAtOnceHundredsOfTimes() async throws {
            let policy = SupervisorPolicy(restart: .always, backoff: Backoff(initial: .zero, maximum: .zero))
            try await SupervisorHarness.run(policy: policy, command: ChildCommand(executable: "/bin/true")) { harness in
                await harness.supervisor.start(harness.configuration(1))
                _ = await harness.startedPid(299)
                await harness.supervisor.stop()
                let status = try #require(await harness.finished())
                let events = harness.events
                let starts = events.filter { if case .started = $0 { true } else { false } }.count
                let exits = events.compactMap { if case .exited(_, let status, _) = $0 { status } else { nil } }
                #expect(starts >= 300)
                #expect(exits.count == starts)
                // The stop may catch the last child before it exits by itself.
                #expect(Set(exits).isSubset(of: [.exited(0), .signaled(SIGTERM)]))
                #expect(status == exits.last)
            }
        }
    }
}
