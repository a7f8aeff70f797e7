import Foundation
import Synchronization
import Testing
@testable import TerwatchCore

/// Orphans made on purpose: background processes whose parent exits, each blocked on a FIFO gate until it is opened.
///
/// The gate is held open for reading and writing by the test (so opening it
/// never blocks), and each orphan exits once it has read one line from it.
enum OrphanStorm {
    /// Starts a registered `sh` that puts `count` subshells in the background (each: read a line from `gate`, exit 3) and exits; returns the subshells' pids.
    static func make(_ count: Int, gate: String) async throws -> [Int32] {
        let script = "i=0; while [ $i -lt \(count) ]; do (read line < \"$GATE\"; exit 3) & i=$((i + 1)); done"
        let parent = try await ChildLauncher.shared.launch(
            ChildCommand(executable: "/bin/sh", arguments: ["-c", script]), environment: ["GATE=\(gate)"]).get()
        _ = try await ChildExitWatcher.shared.exitStatus(of: parent)
        ChildLauncher.shared.registry.release(parent)
        // The subshells stay in the exited shell's process group, which keeps its id while they live.
        return ProcessProbe.liveMembers(ofGroup: parent)
    }

    /// Starts a registered `sh` that reads a line from `gate` and exits with `status`; the caller reaps it.
    static func owned(exitingWith status: Int, gate: String) async throws -> Int32 {
        try await ChildLauncher.shared.launch(
            ChildCommand(executable: "/bin/sh", arguments: ["-c", "read line < \"$GATE\"; exit \(status)"]),
            environment: ["GATE=\(gate)"]).get()
    }

    /// Writes `lines` newlines to the gate: one for each process waiting on it.
    static func open(_ holder: Int32, lines: Int) {
        let bytes = [UInt8](repeating: UInt8(ascii: "\n"), count: lines)
        _ = bytes.withUnsafeBytes { write(holder, $0.baseAddress, $0.count) }
    }

    /// How many of `pids` have this process as their parent.
    static func adopted(_ pids: [Int32]) -> Int {
        pids.filter { ProcessProbe.stat(of: $0)?[1] == "\(getpid())" }.count
    }

    /// The distinct statuses of `reaped`, as text.
    static func statuses(_ reaped: [OrphanReaper.Reaped]) -> [String] {
        Set(reaped.map(\.status.description)).sorted()
    }
}

/// What an orphan reaper's `run` loop handed over, for an exit test to read.
final class ReapedLog: Sendable {
    private let reaped = Mutex<[OrphanReaper.Reaped]>([])

    /// Everything reported so far.
    var all: [OrphanReaper.Reaped] { reaped.withLock { $0 } }

    /// Records one batch.
    func append(_ batch: [OrphanReaper.Reaped]) {
        reaped.withLock { $0 += batch }
    }
}

/// Each test runs in a fresh process (an exit test): only there may the process become a subreaper and reap children it did not register.
extension ProcessTests {
    @Suite struct OrphanReaperTests {
        @Test func reapsAStormOfOrphansButNeverAChildItDoesNotOwn() async throws {
            let directory = try TemporaryDirectory()
            let gate = directory("gate")
            try #require(mkfifo(gate, 0o600) == 0)
            let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) { [gate = gate as String] in
                var facts: [String] = []
                try OrphanReaper.becomeSubreaper()
                facts.append("subreaper \(OrphanReaper.isSubreaper)")
                let holder = open(gate, O_RDWR | O_CLOEXEC)
                let orphans = try await OrphanStorm.make(100, gate: gate)
                facts.append("orphans \(orphans.count), adopted \(OrphanStorm.adopted(orphans))")
                // A child of ours that exits at the same instant, left unreaped during the pass.
                let own = try await OrphanStorm.owned(exitingWith: 5, gate: gate)
                let reaper = OrphanReaper()
                facts.append("reaped before the gate opened: \(reaper.reapExited().count)")
                OrphanStorm.open(holder, lines: orphans.count + 1)
                let exited = await ProcessProbe.eventually { (orphans + [own]).allSatisfy { ProcessProbe.state(of: $0) == "Z" } }
                facts.append("all exited \(exited)")
                let reaped = reaper.reapExited()
                facts.append("reaped the orphans \(Set(reaped.map(\.pid)) == Set(orphans)): \(OrphanStorm.statuses(reaped))")
                facts.append("owned child left to its owner: \(ProcessProbe.state(of: own).map(String.init) ?? "-")")
                facts.append("owned child \(try await ChildExitWatcher.shared.exitStatus(of: own))")
                ChildLauncher.shared.registry.release(own)

                // The listing path alone (what a pass falls back to when an owned zombie comes first).
                let more = try await OrphanStorm.make(20, gate: gate)
                let second = try await OrphanStorm.owned(exitingWith: 6, gate: gate)
                OrphanStorm.open(holder, lines: more.count + 1)
                _ = await ProcessProbe.eventually { (more + [second]).allSatisfy { ProcessProbe.state(of: $0) == "Z" } }
                let listed = OrphanReaper.reapListed(except: [second])
                facts.append("listed \(Set(listed.map(\.pid)) == Set(more)): \(OrphanStorm.statuses(listed))")
                facts.append("second owned child \(try await ChildExitWatcher.shared.exitStatus(of: second))")
                ChildLauncher.shared.registry.release(second)
                let zombies = OrphanReaper.childrenOfThisProcess().filter { ProcessProbe.state(of: $0) == "Z" }
                facts.append("zombies left \(zombies.count)")
                print(facts.joined(separator: "\n"))
            }
            #expect(String(decoding: result?.standardOutputContent ?? [], as: UTF8.self).split(separator: "\n") == [
                "subreaper true",
                "orphans 100, adopted 100",
                "reaped before the gate opened: 0",
                "all exited true",
                "reaped the orphans true: [\"exited with status 3\"]",
                "owned child left to its owner: Z",
                "owned child exited with status 5",
                "listed true: [\"exited with status 3\"]",
                "second owned child exited with status 6",
                "zombies left 0",
            ])
        }

        /// Negative control: without the subreaper flag the orphans go elsewhere and nothing is reaped here.
        @Test func withoutTheSubreaperFlagOrphansAreNotOurs() async throws {
            let directory = try TemporaryDirectory()
            let gate = directory("gate")
            try #require(mkfifo(gate, 0o600) == 0)
            let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) { [gate = gate as String] in
                var facts = ["subreaper \(OrphanReaper.isSubreaper)"]
                let holder = open(gate, O_RDWR | O_CLOEXEC)
                let orphans = try await OrphanStorm.make(10, gate: gate)
                facts.append("orphans \(orphans.count), adopted \(OrphanStorm.adopted(orphans))")
                OrphanStorm.open(holder, lines: orphans.count)
                let gone = await ProcessProbe.eventually { orphans.allSatisfy(ProcessProbe.isGone) }
                facts.append("gone \(gone), reaped here \(OrphanReaper().reapExited().count)")
                print(facts.joined(separator: "\n"))
            }
            #expect(String(decoding: result?.standardOutputContent ?? [], as: UTF8.self).split(separator: "\n") == [
                "subreaper false", "orphans 10, adopted 0", "gone true, reaped here 0",
            ])
        }

        /// End to end: the supervisor sets the flag at start; a grandchild that escaped the group with `setsid` outlives the child, becomes terwatch's orphan, and is reaped on the next SIGCHLD notice.
        @Test func aSupervisorWithAReaperReapsAGrandchildThatEscapedItsGroup() async throws {
            let directory = try TemporaryDirectory()
            let gate = directory("gate")
            try #require(mkfifo(gate, 0o600) == 0)
            let script = try directory.write("escape.py", """
                import os, sys
                ready_read, ready_write = os.pipe()
                if os.fork() == 0:
                    os.setsid()
                    os.close(ready_read)
                    os.close(ready_write)
                    with open(os.environ["GATE"]) as gate:
                        gate.readline()
                    sys.exit(4)
                os.close(ready_write)
                os.read(ready_read, 1)
                """)
            let result = await #expect(processExitsWith: .success, observing: [\.standardOutputContent]) {
                [gate = gate as String, script = script as String] in
                var facts: [String] = []
                let holder = open(gate, O_RDWR | O_CLOEXEC)
                let reaper = OrphanReaper()
                let log = ReapedLog()
                let (notices, childSignal) = AsyncStream<Void>.makeStream()
                let loop = Task { await reaper.run(notices: notices) { log.append($0) } }
                let supervisor = ChildSupervisor(
                    command: ChildCommand(executable: "/usr/bin/python3", arguments: [script]), orphanReaper: reaper)
                await supervisor.start(ChildConfiguration(environment: ["GATE=\(gate)"], generation: 1))
                facts.append("child \(await supervisor.finished())")
                facts.append("subreaper \(OrphanReaper.isSubreaper)")
                let escaped = OrphanReaper.childrenOfThisProcess()
                facts.append("escaped grandchildren \(escaped.count), adopted \(OrphanStorm.adopted(escaped))")
                OrphanStorm.open(holder, lines: 1)
                _ = await ProcessProbe.eventually { escaped.allSatisfy { ProcessProbe.state(of: $0) == "Z" } }
                childSignal.yield()
                let reaped = await ProcessProbe.eventually { log.all.count == escaped.count }
                facts.append("reaped \(reaped): \(log.all.map { "\($0.pid == escaped.first) \($0.status)" })")
                loop.cancel()
                print(facts.joined(separator: "\n"))
            }
            #expect(String(decoding: result?.standardOutputContent ?? [], as: UTF8.self).split(separator: "\n") == [
                "child exited with status 0", "subreaper true", "escaped grandchildren 1, adopted 1",
                "reaped true: [\"true exited with status 4\"]",
            ])
        }
    }
}
