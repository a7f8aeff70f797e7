import Glibc
import Testing
@testable import TerwatchCore

@Suite struct SupervisorStartStopTests {
    private let one = SupervisorFixtures.configuration(1)

    @Test func startSpawnsThenRuns() {
        var machine = Supervisor()
        #expect(machine.handle(.start(one), at: .zero) == [.spawn(one)])
        #expect(machine.state == .starting(one, pending: nil))
        #expect(machine.handle(.spawned(pid: 100, at: .milliseconds(5))) == [.report(.started(pid: 100, generation: 1))])
        #expect(machine.state == .running(.init(pid: 100, generation: 1, since: .milliseconds(5), probationEnds: nil)))
        #expect(machine.deadline == nil)
        #expect(machine.hasStarted)
    }

    @Test func startIsIgnoredOnceStarted() {
        var machine = SupervisorFixtures.running()
        #expect(machine.handle(.start(SupervisorFixtures.configuration(2)), at: .seconds(1)) == [])
        #expect(machine.configuration == one)
    }

    @Test func stopSignalsTheGroupThenFinishesWithTheChildsStatus() {
        var machine = SupervisorFixtures.running()
        #expect(machine.handle(.stop(signal: nil), at: .seconds(1)) == [
            .signal(.terminate, group: 100), .signal(Supervisor.resume, group: 100),
            .report(.stopping(pid: 100, signal: .terminate)),
        ])
        #expect(machine.deadline == .seconds(11))
        #expect(machine.handle(.childExited(pid: 100, .signaled(SIGTERM), at: .seconds(2))) == [
            .report(.exited(pid: 100, status: .signaled(SIGTERM), uptime: .seconds(2))), .exit(.signaled(SIGTERM)),
        ])
        #expect(machine.state == .exited(.signaled(SIGTERM)))
        #expect(machine.isFinished)
        #expect(ExitStatus.signaled(SIGTERM).code == 143)
    }

    @Test func stopEscalatesToKillAtTheStopTimeout() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(stopTimeout: .seconds(3)))
        _ = machine.handle(.stop(signal: nil), at: .seconds(1))
        #expect(machine.handle(.timerFired(at: .milliseconds(3999))) == [])
        #expect(machine.handle(.timerFired(at: .seconds(4))) == [.signal(.kill, group: 100), .report(.stopTimedOut(pid: 100))])
        #expect(machine.deadline == nil)
        #expect(machine.handle(.timerFired(at: .seconds(5))) == [])
        #expect(machine.handle(.childExited(pid: 100, .signaled(SIGKILL), at: .seconds(4))).last == .exit(.signaled(SIGKILL)))
        #expect(ExitStatus.signaled(SIGKILL).code == 137)
    }

    @Test func stopUsesTheGivenSignalOrThePolicys() throws {
        var explicit = SupervisorFixtures.running()
        #expect(explicit.handle(.stop(signal: UnixSignal(number: SIGINT)), at: .zero).first == .signal(try UnixSignal(parsing: "INT"), group: 100))
        let quit = try UnixSignal(parsing: "QUIT")
        var configured = SupervisorFixtures.running(SupervisorPolicy(stopSignal: quit))
        #expect(configured.handle(.stop(signal: nil), at: .zero).first == .signal(quit, group: 100))
    }

    @Test func noSignalFollowsKillOrCont() throws {
        for name in ["KILL", "CONT"] {
            let signal = try UnixSignal(parsing: name)
            var machine = SupervisorFixtures.running(SupervisorPolicy(stopSignal: signal))
            #expect(machine.handle(.stop(signal: nil), at: .zero) == [
                .signal(signal, group: 100), .report(.stopping(pid: 100, signal: signal)),
            ])
        }
    }

    @Test func stopBeforeAnyChildFinishesWith128PlusTheSignal() throws {
        var machine = Supervisor()
        #expect(machine.handle(.stop(signal: nil), at: .zero) == [.exit(.signaled(SIGTERM))])
        var interrupted = Supervisor()
        #expect(interrupted.handle(.stop(signal: try UnixSignal(parsing: "INT")), at: .zero) == [.exit(.signaled(SIGINT))])
        #expect(ExitStatus.signaled(SIGINT).code == 130)
        #expect(interrupted.handle(.start(one), at: .zero) == [])
    }

    @Test func stopWhileSpawningStopsTheChildOnceItRuns() {
        var machine = Supervisor()
        _ = machine.handle(.start(one), at: .zero)
        #expect(machine.handle(.stop(signal: nil), at: .zero) == [])
        #expect(machine.state == .starting(one, pending: .stop(signal: nil)))
        #expect(machine.handle(.spawned(pid: 100, at: .milliseconds(1))) == [
            .report(.started(pid: 100, generation: 1)),
            .signal(.terminate, group: 100), .signal(Supervisor.resume, group: 100),
            .report(.stopping(pid: 100, signal: .terminate)),
        ])
        #expect(machine.handle(.childExited(pid: 100, .exited(0), at: .milliseconds(2))).last == .exit(.exited(0)))
    }

    @Test func stopWhileSpawningAFailingCommandFinishesWithTheFailure() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .always))
        _ = machine.handle(.childExited(pid: 100, .exited(1), at: .seconds(1)))
        _ = machine.handle(.timerFired(at: .seconds(2)))
        _ = machine.handle(.stop(signal: nil), at: .seconds(2))
        let failed = machine.handle(.spawnFailed(.exited(127), reason: "cannot run 'x': not found", at: .seconds(2)))
        #expect(failed == [.report(.spawnFailed(reason: "cannot run 'x': not found", status: .exited(127))), .exit(.exited(127))])
    }

    @Test func stopDuringARestartCancelsTheRestart() throws {
        var machine = SupervisorFixtures.running()
        _ = machine.handle(.restart(SupervisorFixtures.configuration(2)), at: .zero)
        let interrupt = try UnixSignal(parsing: "INT")
        #expect(machine.handle(.stop(signal: interrupt), at: .seconds(1)) == [.signal(interrupt, group: 100)])
        #expect(machine.handle(.stop(signal: nil), at: .seconds(1)) == [])
        #expect(machine.deadline == .seconds(10))
        #expect(machine.handle(.childExited(pid: 100, .signaled(SIGINT), at: .seconds(2))).last == .exit(.signaled(SIGINT)))
    }

    @Test func stopWhileBackingOffFinishesWithTheLastStatus() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .onFailure))
        _ = machine.handle(.childExited(pid: 100, .exited(4), at: .seconds(1)))
        #expect(machine.handle(.stop(signal: nil), at: .seconds(1)) == [.exit(.exited(4))])
    }

    @Test func nothingHappensAfterTheEnd() {
        var machine = SupervisorFixtures.running()
        _ = machine.handle(.childExited(pid: 100, .exited(0), at: .seconds(1)))
        for command in [Supervisor.Command.start(one), .stop(signal: nil), .restart(one), .update(one), .rollBack(to: one)] {
            #expect(machine.handle(command, at: .seconds(2)) == [])
        }
        #expect(machine.handle(.signal(.user1), at: .seconds(2)) == [.report(.signalDropped(.user1))])
        #expect(machine.handle(.timerFired(at: .seconds(60))) == [])
        #expect(machine.state == .exited(.exited(0)))
    }

    @Test func aStaleExitIsIgnored() {
        var machine = SupervisorFixtures.running()
        #expect(machine.handle(.childExited(pid: 99, .exited(1), at: .seconds(1))) == [])
        #expect(machine.handle(.spawned(pid: 101, at: .seconds(1))) == [])
        #expect(machine.handle(.spawnFailed(.exited(127), reason: "x", at: .seconds(1))) == [])
        #expect(machine.state == SupervisorFixtures.running().state)
    }
}
