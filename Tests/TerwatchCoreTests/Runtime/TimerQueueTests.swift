import Testing
@testable import TerwatchCore

@Suite struct TimerQueueTests {
    @Test func dueJobsLeaveInDeadlineOrderAndTiesInArrivalOrder() {
        var queue = TimerQueue<String>()
        queue.insert("c", deadline: 30)
        queue.insert("a", deadline: 10)
        queue.insert("b1", deadline: 20)
        queue.insert("b2", deadline: 20)
        #expect(queue.earliestDeadline == 10)
        #expect(queue.removeDue(now: 9) == [])
        #expect(queue.removeDue(now: 20) == ["a", "b1", "b2"])
        #expect(queue.earliestDeadline == 30)
        #expect(queue.removeDue(now: 100) == ["c"])
        #expect(queue.isEmpty)
        #expect(queue.earliestDeadline == nil)
    }

    @Test func deadlinesAreOnTheMonotonicClockAndSaturate() {
        let before = MonotonicClock.now()
        let deadline = MonotonicClock.deadline(after: .milliseconds(250))
        let after = MonotonicClock.now()
        #expect(deadline >= before + 250_000_000 && deadline <= after + 250_000_000)
        #expect(MonotonicClock.deadline(after: .nanoseconds(1) / 4) > before)
        #expect(MonotonicClock.deadline(after: .seconds(Int64.max)) == .max)
        #expect(MonotonicClock.deadline(after: .seconds(-5)) < before)
        let time = MonotonicClock.absoluteTime(3_000_000_007)
        #expect(time.tv_sec == 3 && time.tv_nsec == 7)
    }
}
