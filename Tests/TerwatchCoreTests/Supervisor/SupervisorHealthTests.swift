import Glibc
import Testing
@testable import TerwatchCore

@Suite struct SupervisorHealthTests {
    private let window = Duration.seconds(5)

    /// Generation 1 ran healthily, then generation 2 was started at 20 s as child 200.
    private func reloaded(restart: RestartPolicy = .never) -> Supervisor {
        var machine = SupervisorFixtures.running(SupervisorFixtures.watching(window, restart: restart))
        #expect(machine.handle(.timerFired(at: .seconds(5))) == [.report(.healthy(generation: 1))])
        _ = machine.handle(.restart(SupervisorFixtures.configuration(2)), at: .seconds(19))
        _ = machine.handle(.childExited(pid: 100, .signaled(SIGTERM), at: .seconds(20)))
        _ = machine.handle(.spawned(pid: 200, at: .seconds(20)))
        return machine
    }

    @Test func aChildThatOutlivesTheWindowProvesItsGenerationHealthy() {
        var machine = SupervisorFixtures.running(SupervisorFixtures.watching(window), at: .seconds(1))
        #expect(machine.deadline == .seconds(6))
        #expect(machine.handle(.timerFired(at: .seconds(5))) == [])
        #expect(machine.handle(.timerFired(at: .seconds(6))) == [.report(.healthy(generation: 1))])
        #expect(machine.healthyGeneration == 1)
        #expect(machine.deadline == nil)
        #expect(machine.handle(.timerFired(at: .seconds(7))) == [])
    }

    @Test func aFailureWithinTheWindowAfterAReloadAsksForARollback() {
        var machine = reloaded()
        #expect(machine.deadline == .seconds(25))
        #expect(machine.handle(.childExited(pid: 200, .exited(1), at: .seconds(22))) == [
            .report(.exited(pid: 200, status: .exited(1), uptime: .seconds(2))),
            .report(.unhealthy(generation: 2, status: .exited(1), awaitingRollback: true)),
        ])
        #expect(machine.state == .awaitingRollback(failed: .exited(1)))
        #expect(machine.deadline == nil)
        let rolledBack = SupervisorFixtures.configuration(3)
        #expect(machine.handle(.rollBack(to: rolledBack), at: .seconds(22)) == [.spawn(rolledBack)])
        #expect(machine.handle(.spawned(pid: 300, at: .seconds(22))) == [.report(.started(pid: 300, generation: 3))])
        // The rollback's generation is new, so it is on probation too.
        #expect(machine.deadline == .seconds(27))
    }

    @Test func deathBySignalWithinTheWindowIsAFailure() {
        var machine = reloaded()
        #expect(machine.handle(.childExited(pid: 200, .signaled(SIGSEGV), at: .seconds(21))).last
            == .report(.unhealthy(generation: 2, status: .signaled(SIGSEGV), awaitingRollback: true)))
    }

    @Test func declinedRollbackFallsBackToTheRestartPolicy() {
        var never = reloaded()
        _ = never.handle(.childExited(pid: 200, .exited(3), at: .seconds(21)))
        #expect(never.handle(.rollBack(to: nil), at: .seconds(21)) == [.exit(.exited(3))])

        var always = reloaded(restart: .always)
        _ = always.handle(.childExited(pid: 200, .exited(3), at: .seconds(21)))
        #expect(always.handle(.rollBack(to: nil), at: .seconds(21)) == [.report(.backingOff(attempt: 1, delay: .milliseconds(100)))])
    }

    @Test func whileAwaitingARollbackStopFinishesAndSignalsAreDropped() {
        var machine = reloaded()
        _ = machine.handle(.childExited(pid: 200, .exited(3), at: .seconds(21)))
        #expect(machine.handle(.signal(.user1), at: .seconds(21)) == [.report(.signalDropped(.user1))])
        #expect(machine.handle(.stop(signal: nil), at: .seconds(21)) == [.exit(.exited(3))])
    }

    @Test func aNewChangeWhileAwaitingARollbackStartsIt() {
        var machine = reloaded()
        _ = machine.handle(.childExited(pid: 200, .exited(3), at: .seconds(21)))
        let four = SupervisorFixtures.configuration(4)
        #expect(machine.handle(.restart(four), at: .seconds(21)) == [.spawn(four)])
    }

    @Test func aCleanExitWithinTheWindowIsNotAFailure() {
        var machine = reloaded()
        #expect(machine.handle(.childExited(pid: 200, .exited(0), at: .seconds(21))) == [
            .report(.exited(pid: 200, status: .exited(0), uptime: .seconds(1))), .exit(.exited(0)),
        ])
    }

    @Test func aFailureAfterTheWindowIsNotAFailureOfTheConfiguration() {
        var machine = reloaded()
        // The window ended at 25 s; the exit arrives before the timer did.
        #expect(machine.handle(.childExited(pid: 200, .exited(1), at: .seconds(26))) == [
            .report(.exited(pid: 200, status: .exited(1), uptime: .seconds(6))),
            .report(.healthy(generation: 2)),
            .exit(.exited(1)),
        ])
    }

    @Test func withNothingHealthyToReturnToTheFailureIsOnlyReported() {
        var machine = SupervisorFixtures.running(SupervisorFixtures.watching(window, restart: .onFailure))
        #expect(machine.handle(.childExited(pid: 100, .exited(1), at: .seconds(1))) == [
            .report(.exited(pid: 100, status: .exited(1), uptime: .seconds(1))),
            .report(.unhealthy(generation: 1, status: .exited(1), awaitingRollback: false)),
            .report(.backingOff(attempt: 1, delay: .milliseconds(100))),
        ])
    }

    @Test func aHealthyGenerationRestartedAfterACrashIsNotOnProbation() {
        var machine = reloaded(restart: .always)
        _ = machine.handle(.timerFired(at: .seconds(25)))
        #expect(machine.healthyGeneration == 2)
        _ = machine.handle(.childExited(pid: 200, .exited(1), at: .seconds(100)))
        _ = machine.handle(.timerFired(at: machine.deadline!))
        _ = machine.handle(.spawned(pid: 201, at: .seconds(101)))
        #expect(machine.deadline == nil)
        #expect(machine.handle(.childExited(pid: 201, .exited(1), at: .seconds(102))).last
            == .report(.backingOff(attempt: 2, delay: .milliseconds(200))))
    }

    @Test func aSpawnFailureOnProbationIsAFailureOfTheConfiguration() {
        var machine = reloaded()
        _ = machine.handle(.restart(SupervisorFixtures.configuration(3)), at: .seconds(21))
        _ = machine.handle(.childExited(pid: 200, .exited(0), at: .seconds(21)))
        #expect(machine.handle(.spawnFailed(.exited(127), reason: "cannot run 'server': not found", at: .seconds(21))) == [
            .report(.spawnFailed(reason: "cannot run 'server': not found", status: .exited(127))),
            .report(.unhealthy(generation: 3, status: .exited(127), awaitingRollback: true)),
        ])
    }

    @Test func aChildStoppedWithinTheWindowIsNeitherHealthyNorUnhealthy() {
        var machine = reloaded()
        _ = machine.handle(.stop(signal: nil), at: .seconds(21))
        #expect(machine.handle(.timerFired(at: .seconds(25))) == [])
        #expect(machine.handle(.childExited(pid: 200, .signaled(SIGTERM), at: .seconds(26))) == [
            .report(.exited(pid: 200, status: .signaled(SIGTERM), uptime: .seconds(6))), .exit(.signaled(SIGTERM)),
        ])
    }

    @Test func withoutAWindowNothingIsJudged() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .onFailure))
        #expect(machine.deadline == nil)
        #expect(machine.handle(.childExited(pid: 100, .exited(1), at: .seconds(1))).count == 2)
        #expect(machine.healthyGeneration == nil)
    }
}
