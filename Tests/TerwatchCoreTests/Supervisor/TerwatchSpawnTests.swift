import CTerwatchSpawn
import Foundation
import Testing
@testable import TerwatchCore

/// Calls `terwatch_spawn` directly: `path` with `arguments`, no environment, `streams` (-1: inherited).
private func spawnDirectly(_ path: String, _ arguments: [String] = [], streams: [Int32] = [-1, -1, -1]) -> terwatch_spawn_outcome {
    let argv = CStringArray([path] + arguments)
    let envp = CStringArray([])
    return terwatch_spawn(path, argv.pointers, envp.pointers, streams, getpid(), -1, -1)
}

extension ProcessTests {
    @Suite struct TerwatchSpawnTests {
        /// Runs `spawn` on a thread of its own named `name`, lets that thread exit, and returns what it spawned.
        private func spawnFromAThreadThatExits(named name: String, _ spawn: @escaping @Sendable () -> Int32) async throws -> Int32 {
            let pid = try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Int32, any Error>) in
                do {
                    try NativeThread.start(name: name) { continuation.resume(returning: spawn()) }
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            #expect(await ProcessProbe.eventually { ProcessProbe.threads(named: name).isEmpty })
            return pid
        }

        /// The documented gotcha, which proves the flag is set: the parent-death signal fires when the forking thread exits.
        @Test func theChildIsKilledWhenTheThreadThatForkedItExits() async throws {
            let pid = try await spawnFromAThreadThatExits(named: "tw-pdeath") { spawnDirectly("/bin/sleep", ["1000"]).pid }
            try #require(pid > 0)
            #expect(try await ProcessProbe.exitStatus(of: pid) == .signaled(SIGKILL))
        }

        /// Negative control: `posix_spawn` sets no parent-death signal, so the same thread exit leaves the child running.
        @Test func aChildWithoutTheFlagOutlivesTheThread() async throws {
            let pid = try await spawnFromAThreadThatExits(named: "tw-no-pdeath") {
                (try? Spawner(executable: "/bin/sleep", arguments: ["1000"], environment: []).spawn()) ?? -1
            }
            try #require(pid > 0)
            // The thread is gone, so a parent-death SIGKILL would already be pending and decide the status.
            kill(pid, SIGTERM)
            #expect(try await ProcessProbe.exitStatus(of: pid) == .signaled(SIGTERM))
        }

        /// `kill -9` of the process that supervises the child (an exit test: a fresh process of its own).
        @Test func killingTheSupervisingProcessKillsItsChild() async throws {
            let directory = try TemporaryDirectory()
            let record = directory("child")
            await #expect(processExitsWith: .signal(SIGKILL)) { [record = record as String] in
                let supervisor = ChildSupervisor(command: ChildCommand(executable: "/bin/sleep", arguments: ["1000"]))
                await supervisor.start(ChildConfiguration(environment: [], generation: 1))
                for await event in supervisor.events {
                    guard case .started(let pid, _) = event else { continue }
                    try "\(pid) \(SupervisorProbe.startTime(of: pid) ?? "")".write(toFile: record, atomically: true, encoding: .utf8)
                    break
                }
                kill(getpid(), SIGKILL)
            }
            let fields = try String(contentsOfFile: record, encoding: .utf8).split(separator: " ")
            let pid = try #require(fields.first.flatMap { Int32($0) })
            let started = fields.dropFirst().first.map(String.init)
            #expect(await ProcessProbe.eventually {
                ProcessProbe.isGone(pid) || SupervisorProbe.startTime(of: pid) != started
            })
        }

        @Test func anExecFailureIsReportedWithItsErrnoAndLeavesNothingBehind() async throws {
            let root = try TemporaryDirectory()
            let junk = try root.write("junk", "neither a script nor a binary\n")
            #expect(chmod(junk, 0o755) == 0)
            let descriptors = ProcessProbe.processLayerDescriptorCount()
            for (path, code) in [(root("missing"), ENOENT), (junk, ENOEXEC), (root.path, EACCES)] {
                let outcome = spawnDirectly(path)
                #expect(outcome.step == Int32(TERWATCH_SPAWN_EXEC.rawValue))
                #expect(outcome.error == code)
                #expect(outcome.pid > 0)
                // Already reaped: no zombie.
                #expect(ProcessProbe.stat(of: outcome.pid) == nil)
            }
            // Other suites open and close pipes meanwhile: wait (bounded) for the count to come back down.
            #expect(await ProcessProbe.eventually { ProcessProbe.processLayerDescriptorCount() <= descriptors })
        }

        @Test func theChildsStreamsAreTheGivenDescriptors() async throws {
            let ends = try SystemCall.pipe()
            let outcome = spawnDirectly("/bin/sh", ["-c", "echo out; echo err >&2"], streams: [-1, ends.write, ends.write])
            close(ends.write)
            #expect(outcome.step == Int32(TERWATCH_SPAWN_STARTED.rawValue))
            #expect(ProcessProbe.readToEnd(ends.read) == "out\nerr\n")
            close(ends.read)
            #expect(try await ProcessProbe.exitStatus(of: outcome.pid) == .exited(0))
        }

        /// A fresh process that ignores and blocks signals and holds descriptors without close-on-exec: none of it reaches the child.
        @Test func theChildStartsWithDefaultSignalsAndOnlyDescriptorsZeroToTwo() async {
            let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
                for number in [SIGPIPE, SIGUSR1, SIGHUP, SIGINT, SIGTTOU] { signal(number, SIG_IGN) }
                var blocked = sigset_t()
                sigemptyset(&blocked)
                for number in [SIGTERM, SIGCHLD, SIGUSR2] { sigaddset(&blocked, number) }
                pthread_sigmask(SIG_BLOCK, &blocked, nil)
                _ = open("/dev/null", O_RDONLY)
                var ends: [Int32] = [0, 0]
                _ = pipe(&ends)
                let supervisor = ChildSupervisor(command: ChildCommand(executable: "/bin/sleep", arguments: ["1000"]))
                await supervisor.start(ChildConfiguration(environment: [], generation: 1))
                var child: Int32 = 0
                for await event in supervisor.events {
                    if case .started(let pid, _) = event {
                        child = pid
                        break
                    }
                }
                // The dynamic loader holds a library open for a moment after exec: wait (bounded) for it to finish;
                // an inherited descriptor would stay, and show below.
                _ = await ProcessProbe.eventually { SupervisorProbe.descriptors(of: child).count == 3 }
                let facts = [
                    "pid \(child)",
                    "SigBlk \(SupervisorProbe.status("SigBlk", of: child) ?? "?")",
                    "SigIgn \(SupervisorProbe.status("SigIgn", of: child) ?? "?")",
                    "fds \(SupervisorProbe.descriptors(of: child))",
                    "pgrp \(ProcessProbe.stat(of: child).map { String($0[2]) } ?? "?")",
                ]
                await supervisor.stop(signal: .kill)
                print(facts.joined(separator: "\n"))
            }
            let facts = String(decoding: result?.standardOutputContent ?? [], as: UTF8.self).split(separator: "\n")
            let child = facts.first.map { $0.dropFirst(4) } ?? "?"
            #expect(facts == ["pid \(child)", "SigBlk 0000000000000000", "SigIgn 0000000000000000", "fds [0, 1, 2]", "pgrp \(child)"])
        }
    }
}
