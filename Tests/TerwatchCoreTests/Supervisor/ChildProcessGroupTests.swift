import Foundation
import Testing
@testable import TerwatchCore

extension ProcessTests {
    @Suite struct ChildProcessGroupTests {
        /// A shell leading its own group with two `sleep`s in it; returns the shell's pid and the sleeps' once all three run.
        private func groupOfThree() async throws -> (leader: Int32, members: [Int32]) {
            let leader = try Spawner(executable: "/bin/sh", arguments: ["-c", "sleep 1000 & sleep 1000 & wait"], environment: [])
                .spawn()
            #expect(await ProcessProbe.eventually { ProcessProbe.liveMembers(ofGroup: leader).count == 3 })
            #expect(ProcessGroupScan.liveMembers(of: leader).sorted() == ProcessProbe.liveMembers(ofGroup: leader).sorted())
            return (leader, ProcessProbe.liveMembers(ofGroup: leader).filter { $0 != leader })
        }

        @Test func signalsReachTheWholeGroupUntilTheLeaderExits() async throws {
            let (leader, members) = try await groupOfThree()
            let group = ChildProcessGroup(leader: leader)
            #expect(group.send(.terminate))
            let status = try await ChildExitWatcher.shared.exitStatus(of: leader) { _ in group.leaderExited() }
            #expect(status == .signaled(SIGTERM))
            await group.remnant().waitUntilGone()
            #expect(members.allSatisfy(ProcessProbe.isGone))
            #expect(!group.send(.terminate))
        }

        @Test func whatOutlivesTheLeaderIsKilledAndAwaited() async throws {
            let (leader, members) = try await groupOfThree()
            let group = ChildProcessGroup(leader: leader)
            // Only the leader dies; its sleeps would run on.
            kill(leader, SIGKILL)
            #expect(try await ChildExitWatcher.shared.exitStatus(of: leader) { _ in group.leaderExited() } == .signaled(SIGKILL))
            await group.remnant().waitUntilGone()
            #expect(members.allSatisfy(ProcessProbe.isGone))
            #expect(ProcessProbe.liveMembers(ofGroup: leader) == [])
        }

        @Test func aLeaderAloneLeavesNothingToAwait() async throws {
            let leader = try Spawner(executable: "/bin/sh", arguments: ["-c", "exit 3"], environment: []).spawn()
            let group = ChildProcessGroup(leader: leader)
            #expect(try await ChildExitWatcher.shared.exitStatus(of: leader) { _ in group.leaderExited() } == .exited(3))
            #expect(group.remnant().pidfds == [])
        }
    }
}
