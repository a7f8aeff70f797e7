import Glibc
import Testing
@testable import TerwatchCore

@Suite struct SupervisorSignalTests {
    @Test func aSignalGoesToTheRunningChildsGroupAndKeepsIt() {
        var machine = SupervisorFixtures.running()
        let before = machine.state
        #expect(machine.handle(.signal(.user1), at: .seconds(1)) == [.signal(.user1, group: 100)])
        #expect(machine.handle(.signal(.hangup), at: .seconds(1)) == [.signal(.hangup, group: 100)])
        #expect(machine.state == before)
    }

    @Test func aSignalDuringAStopReachesTheOldChildStillAlive() {
        var machine = SupervisorFixtures.running()
        _ = machine.handle(.restart(SupervisorFixtures.configuration(2)), at: .zero)
        #expect(machine.handle(.signal(.user2), at: .seconds(1)) == [.signal(.user2, group: 100)])
    }

    @Test func aSignalWithNoChildRunningIsDroppedAndReported() {
        let dropped: [Supervisor.Action] = [.report(.signalDropped(.user1))]
        var idle = Supervisor()
        #expect(idle.handle(.signal(.user1), at: .zero) == dropped)

        var backingOff = SupervisorFixtures.running(SupervisorPolicy(restart: .always))
        _ = backingOff.handle(.childExited(pid: 100, .exited(1), at: .seconds(1)))
        #expect(backingOff.handle(.signal(.user1), at: .seconds(1)) == dropped)
        #expect(backingOff.handle(.timerFired(at: .seconds(2))) == [.spawn(SupervisorFixtures.configuration(1))])

    }

    @Test func aSignalWhileSpawningReachesTheNewChildOnceItRuns() {
        var spawning = Supervisor()
        _ = spawning.handle(.start(SupervisorFixtures.configuration(1)), at: .zero)
        #expect(spawning.handle(.signal(.user1), at: .zero) == [])
        #expect(spawning.handle(.spawned(pid: 100, at: .zero))
            == [.report(.started(pid: 100, generation: 1)), .signal(.user1, group: 100)])

        // Between the old child's exit and the new one's start: kept for the new pid, never the stale one.
        var restarting = SupervisorFixtures.running()
        _ = restarting.handle(.restart(SupervisorFixtures.configuration(2)), at: .zero)
        _ = restarting.handle(.childExited(pid: 100, .exited(0), at: .seconds(1)))
        #expect(restarting.handle(.signal(.user1), at: .seconds(1)) == [])
        #expect(restarting.handle(.spawned(pid: 101, at: .seconds(1)))
            == [.report(.started(pid: 101, generation: 2)), .signal(.user1, group: 101)])

        // A spawn that fails drops them, reported.
        var failing = Supervisor()
        _ = failing.handle(.start(SupervisorFixtures.configuration(1)), at: .zero)
        _ = failing.handle(.signal(.user2), at: .zero)
        #expect(failing.handle(.spawnFailed(.exited(127), reason: "not found", at: .zero)).contains(.report(.signalDropped(.user2))))
    }
}
