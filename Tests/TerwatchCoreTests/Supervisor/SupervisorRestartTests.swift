import Glibc
import Testing
@testable import TerwatchCore

@Suite struct SupervisorRestartTests {
    private let two = SupervisorFixtures.configuration(2)
    private let three = SupervisorFixtures.configuration(3)
    private let four = SupervisorFixtures.configuration(4)

    @Test func restartStartsTheNewChildOnlyAfterTheOldOneExited() {
        var machine = SupervisorFixtures.running()
        #expect(machine.handle(.restart(two), at: .seconds(1)) == [
            .signal(.terminate, group: 100), .signal(Supervisor.resume, group: 100),
            .report(.stopping(pid: 100, signal: .terminate)),
        ])
        #expect(machine.state == .stopping(
            .init(pid: 100, generation: 1, since: .zero, probationEnds: nil),
            deadline: .seconds(11), killed: false, then: .restart))
        #expect(machine.handle(.childExited(pid: 100, .signaled(SIGTERM), at: .seconds(2))) == [
            .report(.exited(pid: 100, status: .signaled(SIGTERM), uptime: .seconds(2))), .spawn(two),
        ])
        #expect(machine.handle(.spawned(pid: 200, at: .seconds(2))) == [.report(.started(pid: 200, generation: 2))])
        #expect(machine.configuration == two)
    }

    @Test func aRestartedChildsExitStatusDoesNotEndTheSupervisor() {
        var machine = SupervisorFixtures.running()
        _ = machine.handle(.restart(two), at: .zero)
        #expect(machine.handle(.childExited(pid: 100, .exited(1), at: .seconds(1))).last == .spawn(two))
        #expect(!machine.isFinished)
    }

    /// The rule: a change that arrives while a restart is under way causes exactly one more start, with the newest configuration.
    @Test(arguments: [1, 2, 5])
    func changesDuringAStopCauseExactlyOneStartWithTheNewest(changes: Int) {
        var machine = SupervisorFixtures.running()
        var actions = machine.handle(.restart(two), at: .zero)
        let newest = SupervisorFixtures.configuration(2 + changes)
        for generation in 3..<(3 + changes) {
            actions += machine.handle(.restart(SupervisorFixtures.configuration(generation)), at: .milliseconds(generation))
        }
        actions += machine.handle(.childExited(pid: 100, .exited(0), at: .seconds(1)))
        actions += machine.handle(.spawned(pid: 200, at: .seconds(1)))
        actions += machine.handle(.timerFired(at: .seconds(60)))
        #expect(actions.filter { if case .spawn = $0 { true } else { false } } == [.spawn(newest)])
        #expect(actions.filter { if case .signal = $0 { true } else { false } } == [
            .signal(.terminate, group: 100), .signal(Supervisor.resume, group: 100),
        ])
        #expect(machine.state == .running(.init(pid: 200, generation: newest.generation, since: .seconds(1), probationEnds: nil)))
    }

    @Test func aChangeWhileTheNewChildIsSpawningRestartsItOnceMore() {
        var machine = SupervisorFixtures.running()
        _ = machine.handle(.restart(two), at: .zero)
        #expect(machine.handle(.childExited(pid: 100, .exited(0), at: .seconds(1))).last == .spawn(two))
        #expect(machine.handle(.restart(three), at: .seconds(1)) == [])
        #expect(machine.handle(.restart(four), at: .seconds(1)) == [])
        #expect(machine.handle(.spawned(pid: 200, at: .seconds(1))) == [
            .report(.started(pid: 200, generation: 2)),
            .signal(.terminate, group: 200), .signal(Supervisor.resume, group: 200),
            .report(.stopping(pid: 200, signal: .terminate)),
        ])
        #expect(machine.handle(.childExited(pid: 200, .signaled(SIGTERM), at: .seconds(2))).last == .spawn(four))
        #expect(machine.handle(.spawned(pid: 300, at: .seconds(2))) == [.report(.started(pid: 300, generation: 4))])
        #expect(machine.deadline == nil)
    }

    @Test func aSpawnFailureWithARestartPendingTriesTheNewestConfiguration() {
        var machine = SupervisorFixtures.running()
        _ = machine.handle(.restart(two), at: .zero)
        _ = machine.handle(.childExited(pid: 100, .exited(0), at: .seconds(1)))
        _ = machine.handle(.restart(three), at: .seconds(1))
        #expect(machine.handle(.spawnFailed(.exited(127), reason: "gone", at: .seconds(1))) == [
            .report(.spawnFailed(reason: "gone", status: .exited(127))), .spawn(three),
        ])
    }

    @Test func aRestartDuringShutdownIsIgnored() {
        var machine = SupervisorFixtures.running()
        _ = machine.handle(.stop(signal: nil), at: .zero)
        #expect(machine.handle(.restart(two), at: .seconds(1)) == [])
        #expect(machine.configuration == SupervisorFixtures.configuration(1))
        #expect(machine.handle(.childExited(pid: 100, .exited(0), at: .seconds(1))).last == .exit(.exited(0)))

        var spawning = Supervisor()
        _ = spawning.handle(.start(SupervisorFixtures.configuration(1)), at: .zero)
        _ = spawning.handle(.stop(signal: nil), at: .zero)
        #expect(spawning.handle(.restart(two), at: .zero) == [])
        #expect(spawning.state == .starting(SupervisorFixtures.configuration(1), pending: .stop(signal: nil)))
    }

    @Test func aRestartBeforeAnyStartStartsAtOnce() {
        var machine = Supervisor()
        #expect(machine.handle(.restart(two), at: .zero) == [.spawn(two)])
    }

    @Test func aRestartWhileBackingOffStartsAtOnceAndForgetsTheFailures() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .always))
        _ = machine.handle(.childExited(pid: 100, .exited(1), at: .seconds(1)))
        #expect(machine.failures == 1)
        #expect(machine.handle(.restart(two), at: .seconds(1)) == [.spawn(two)])
        #expect(machine.failures == 0)
        #expect(machine.deadline == nil)
    }

    @Test func anUpdateChangesOnlyTheNextStart() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .always))
        #expect(machine.handle(.update(two), at: .seconds(1)) == [])
        #expect(machine.state == SupervisorFixtures.running().state)
        _ = machine.handle(.childExited(pid: 100, .exited(1), at: .seconds(2)))
        #expect(machine.handle(.update(three), at: .seconds(2)) == [])
        #expect(machine.handle(.timerFired(at: .seconds(3))) == [.spawn(three)])
    }

    @Test func anUpdateWhileSpawningRestartsNothing() {
        var machine = Supervisor()
        _ = machine.handle(.start(SupervisorFixtures.configuration(1)), at: .zero)
        _ = machine.handle(.update(two), at: .zero)
        #expect(machine.handle(.spawned(pid: 100, at: .zero)) == [.report(.started(pid: 100, generation: 1))])
        #expect(machine.configuration == two)
    }
}
