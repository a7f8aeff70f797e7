import Testing
@testable import TerwatchCore

@Suite struct DebouncerTests {
    let settings = Debouncer.Settings(settle: .milliseconds(100), maximumWait: .milliseconds(1000))

    func changed(_ paths: String...) -> WatchEvent { .changed(Set(paths)) }

    @Test func defaultsAreHundredMillisecondsAndOneSecond() {
        let defaults = Debouncer.Settings()
        #expect(defaults.settle == .milliseconds(100))
        #expect(defaults.maximumWait == .seconds(1))
        #expect(Debouncer.Settings(settle: .milliseconds(500)).maximumWait == .seconds(5))
        #expect(Debouncer.Settings(settle: .zero).maximumWait == .seconds(1))
        #expect(Debouncer.Settings(settle: .seconds(2), maximumWait: .seconds(1)).maximumWait == .seconds(2))
    }

    @Test func idleMachineAsksForNoTimer() {
        var machine = Debouncer(settings: settings)
        #expect(machine.deadline == nil)
        #expect(machine.handle(.timer(at: .seconds(3))) == .none)
        #expect(machine.deadline == nil)
    }

    @Test func firstEventWaitsOneSettleWindow() {
        var machine = Debouncer(settings: settings)
        #expect(machine.handle(.event(changed("/a/.env"), at: .milliseconds(10))) == .wait(until: .milliseconds(110)))
    }

    @Test func laterEventsPushTheDeadline() {
        var machine = Debouncer(settings: settings)
        _ = machine.handle(.event(changed("/a/.env"), at: .milliseconds(0)))
        #expect(machine.handle(.event(changed("/a/b"), at: .milliseconds(60))) == .wait(until: .milliseconds(160)))
        #expect(machine.handle(.timer(at: .milliseconds(100))) == .wait(until: .milliseconds(160)))
    }

    @Test func quietWindowDeliversEverythingOnce() {
        var machine = Debouncer(settings: settings)
        _ = machine.handle(.event(changed("/a/.env"), at: .milliseconds(0)))
        _ = machine.handle(.event(changed("/a/.env", "/a/tmp"), at: .milliseconds(30)))
        var expected = ChangeSet()
        expected.paths = ["/a/.env", "/a/tmp"]
        expected.eventCount = 2
        #expect(machine.handle(.timer(at: .milliseconds(130))) == .deliver(expected))
        #expect(machine.deadline == nil)
        #expect(machine.handle(.timer(at: .milliseconds(140))) == .none)
    }

    @Test func endlessRewritesStillDeliverAtTheMaximumWait() {
        var machine = Debouncer(settings: settings)
        var actions: [Debouncer.Action] = []
        for step in 0...20 {
            actions.append(machine.handle(.event(changed("/a/.env"), at: .milliseconds(step * 50))))
        }
        #expect(actions.last == .wait(until: .milliseconds(1000)))
        guard case .deliver(let changes) = machine.handle(.timer(at: .milliseconds(1000))) else {
            Issue.record("no delivery at the maximum wait")
            return
        }
        #expect(changes.eventCount == 21)
        #expect(machine.handle(.event(changed("/a/.env"), at: .milliseconds(1500))) == .wait(until: .milliseconds(1600)))
    }

    @Test func zeroSettleDeliversOnTheNextTimerTurn() {
        var machine = Debouncer(settings: Debouncer.Settings(settle: .zero))
        #expect(machine.handle(.event(changed("/a/.env"), at: .milliseconds(5))) == .wait(until: .milliseconds(5)))
        #expect(machine.handle(.event(changed("/a/b"), at: .milliseconds(5))) == .wait(until: .milliseconds(5)))
        var expected = ChangeSet()
        expected.paths = ["/a/.env", "/a/b"]
        expected.eventCount = 2
        #expect(machine.handle(.timer(at: .milliseconds(5))) == .deliver(expected))
    }

    @Test func rescansAreKeptOnceInOrder() {
        var machine = Debouncer(settings: settings)
        _ = machine.handle(.event(.rescan(.vanished("/a")), at: .zero))
        _ = machine.handle(.event(changed("/a/.env"), at: .milliseconds(1)))
        _ = machine.handle(.event(.rescan(.overflow), at: .milliseconds(2)))
        _ = machine.handle(.event(.rescan(.vanished("/a")), at: .milliseconds(3)))
        guard case .deliver(let changes) = machine.handle(.timer(at: .milliseconds(103))) else {
            Issue.record("no delivery")
            return
        }
        #expect(changes.rescanReasons == [.vanished("/a"), .overflow])
        #expect(changes.needsRescan)
        #expect(changes.paths == ["/a/.env"])
        #expect(changes.eventCount == 4)
    }

    @Test func earlyTimerIsAnsweredWithTheRealDeadline() {
        var machine = Debouncer(settings: settings)
        _ = machine.handle(.event(changed("/a/.env"), at: .milliseconds(0)))
        _ = machine.handle(.event(changed("/a/.env"), at: .milliseconds(90)))
        #expect(machine.handle(.timer(at: .milliseconds(100))) == .wait(until: .milliseconds(190)))
        #expect(machine.deadline == .milliseconds(190))
    }
}
