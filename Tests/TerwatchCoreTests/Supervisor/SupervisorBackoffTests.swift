import Glibc
import Testing
@testable import TerwatchCore

@Suite struct SupervisorBackoffTests {
    private let one = SupervisorFixtures.configuration(1)

    @Test func theDelayDoublesFrom100MillisecondsUpTo30Seconds() {
        let backoff = Backoff()
        let delays = (1...12).map { backoff.delay(attempt: $0) }
        #expect(delays == [
            .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
            .milliseconds(3200), .milliseconds(6400), .milliseconds(12800), .milliseconds(25600),
            .seconds(30), .seconds(30), .seconds(30),
        ])
        #expect(backoff.delay(attempt: 1_000_000) == .seconds(30))
        #expect(backoff.resetAfter == .seconds(10))
        #expect(Backoff(initial: .seconds(1), maximum: .seconds(3)).delay(attempt: 3) == .seconds(3))
    }

    @Test(arguments: [RestartPolicy.never, .onFailure, .always])
    func thePolicyDecidesWhatAnExitLeadsTo(policy: RestartPolicy) {
        for status in [ExitStatus.exited(0), .exited(7), .signaled(SIGKILL)] {
            var machine = SupervisorFixtures.running(SupervisorPolicy(restart: policy))
            let actions = machine.handle(.childExited(pid: 100, status, at: .seconds(1)))
            #expect(actions.first == .report(.exited(pid: 100, status: status, uptime: .seconds(1))))
            if policy.restarts(after: status) {
                #expect(actions.last == .report(.backingOff(attempt: 1, delay: .milliseconds(100))))
                #expect(machine.state == .backingOff(until: .milliseconds(1100)))
            } else {
                #expect(actions.last == .exit(status))
            }
        }
        #expect(RestartPolicy(rawValue: "on-failure") == .onFailure)
        #expect(RestartPolicy.allCases.map(\.rawValue) == ["never", "on-failure", "always"])
    }

    @Test(arguments: [RestartPolicy.never, .onFailure, .always])
    func aChildInterruptedAtItsTerminalFinishesWhateverThePolicy(policy: RestartPolicy) {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: policy, rollbackWindow: .seconds(5)))
        let actions = machine.handle(.childInterrupted(pid: 100, .signaled(SIGINT), at: .seconds(1)))
        #expect(actions == [
            .report(.exited(pid: 100, status: .signaled(SIGINT), uptime: .seconds(1))), .exit(.signaled(SIGINT)),
        ])
        #expect(machine.state == .exited(.signaled(SIGINT)))
    }

    @Test func anInterruptionOfAChildBeingStoppedForARestartStillRestarts() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .always))
        _ = machine.handle(.restart(SupervisorFixtures.configuration(2)), at: .seconds(1))
        let actions = machine.handle(.childInterrupted(pid: 100, .signaled(SIGINT), at: .seconds(2)))
        #expect(actions.last == .spawn(SupervisorFixtures.configuration(2)))
    }

    @Test func theExitStatusBecomesTerwatchsStatus() {
        for (status, code) in [(ExitStatus.exited(7), Int32(7)), (.exited(0), 0), (.signaled(SIGKILL), 137), (.signaled(SIGTERM), 143)] {
            var machine = SupervisorFixtures.running()
            #expect(machine.handle(.childExited(pid: 100, status, at: .seconds(1))).last == .exit(status))
            #expect(status.code == code)
        }
    }

    /// Quick crashes: each restart's deadline is its exit time plus a delay twice the one before, up to the cap.
    @Test func deadlinesGrowWithEachQuickCrash() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .always))
        var now = Duration.seconds(1)
        var deadlines: [Duration] = []
        for attempt in 1...11 {
            let pid = Int32(100 + attempt - 1)
            let actions = machine.handle(.childExited(pid: pid, .exited(1), at: now))
            #expect(actions.last == .report(.backingOff(attempt: attempt, delay: machine.policy.backoff.delay(attempt: attempt))))
            let deadline = try! #require(machine.deadline)
            deadlines.append(deadline - now)
            #expect(machine.handle(.timerFired(at: deadline)) == [.spawn(one)])
            now = deadline + .milliseconds(50)
            _ = machine.handle(.spawned(pid: pid + 1, at: deadline))
        }
        #expect(deadlines == [
            .milliseconds(100), .milliseconds(200), .milliseconds(400), .milliseconds(800), .milliseconds(1600),
            .milliseconds(3200), .milliseconds(6400), .milliseconds(12800), .milliseconds(25600), .seconds(30), .seconds(30),
        ])
    }

    @Test func aTimerBeforeTheDeadlineStartsNothing() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .always))
        _ = machine.handle(.childExited(pid: 100, .exited(1), at: .seconds(1)))
        #expect(machine.handle(.timerFired(at: .milliseconds(1099))) == [])
        #expect(machine.deadline == .milliseconds(1100))
        #expect(machine.handle(.timerFired(at: .milliseconds(1100))) == [.spawn(one)])
        #expect(machine.deadline == nil)
    }

    @Test func aChildThatStayedUpTenSecondsRestartsAfterTheFirstDelayAgain() {
        var machine = SupervisorFixtures.running(SupervisorPolicy(restart: .onFailure))
        /// Child `pid` exits `uptime` after it started at `since`; the next one starts when the backoff ends.
        func crash(_ pid: Int32, since: Duration, uptime: Duration) -> (report: Supervisor.Action?, restartedAt: Duration) {
            let report = machine.handle(.childExited(pid: pid, .exited(1), at: since + uptime)).last
            let restart = machine.deadline!
            _ = machine.handle(.timerFired(at: restart))
            _ = machine.handle(.spawned(pid: pid + 1, at: restart))
            return (report, restart)
        }
        var since = Duration.zero
        var reports: [Supervisor.Action?] = []
        for (pid, uptime) in [(Int32(100), Duration.seconds(1)), (101, .seconds(1)), (102, .milliseconds(9999)), (103, .seconds(10)), (104, .seconds(1))] {
            let (report, restartedAt) = crash(pid, since: since, uptime: uptime)
            reports.append(report)
            since = restartedAt
        }
        #expect(reports == [
            .report(.backingOff(attempt: 1, delay: .milliseconds(100))),
            .report(.backingOff(attempt: 2, delay: .milliseconds(200))),
            .report(.backingOff(attempt: 3, delay: .milliseconds(400))),
            .report(.backingOff(attempt: 1, delay: .milliseconds(100))),
            .report(.backingOff(attempt: 2, delay: .milliseconds(200))),
        ])
    }

    @Test func theFirstSpawnFailureFinishesWhateverThePolicy() {
        for policy in RestartPolicy.allCases {
            var machine = Supervisor(policy: SupervisorPolicy(restart: policy))
            _ = machine.handle(.start(one), at: .zero)
            #expect(machine.handle(.spawnFailed(.exited(126), reason: "cannot run './x': permission denied", at: .zero)) == [
                .report(.spawnFailed(reason: "cannot run './x': permission denied", status: .exited(126))), .exit(.exited(126)),
            ])
        }
    }

    @Test func aLaterSpawnFailureCountsAsAnExit() {
        var retrying = SupervisorFixtures.running(SupervisorPolicy(restart: .onFailure))
        _ = retrying.handle(.childExited(pid: 100, .exited(1), at: .seconds(1)))
        _ = retrying.handle(.timerFired(at: .seconds(2)))
        #expect(retrying.handle(.spawnFailed(.exited(127), reason: "gone", at: .seconds(2))) == [
            .report(.spawnFailed(reason: "gone", status: .exited(127))),
            .report(.backingOff(attempt: 2, delay: .milliseconds(200))),
        ])

        var never = SupervisorFixtures.running()
        _ = never.handle(.restart(SupervisorFixtures.configuration(2)), at: .zero)
        _ = never.handle(.childExited(pid: 100, .exited(0), at: .seconds(1)))
        #expect(never.handle(.spawnFailed(.exited(127), reason: "gone", at: .seconds(1))).last == .exit(.exited(127)))
    }
}
