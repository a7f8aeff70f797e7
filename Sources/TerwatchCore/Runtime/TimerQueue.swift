/// Jobs waiting for a deadline on `CLOCK_MONOTONIC`, kept in deadline order (first come first among equals).
///
/// terwatch arms a handful of timers at most (a debounce, a stop timeout, a
/// restart backoff), so a sorted array is both the simplest and the fastest queue.
struct TimerQueue<Job> {
    private var entries: [(deadline: Int64, job: Job)] = []

    /// The earliest deadline, in nanoseconds of `CLOCK_MONOTONIC`; nil when no timer is armed.
    var earliestDeadline: Int64? { entries.first?.deadline }

    /// Whether no timer is armed.
    var isEmpty: Bool { entries.isEmpty }

    /// Arms `job` for `deadline`, after every job already armed for the same or an earlier deadline.
    mutating func insert(_ job: Job, deadline: Int64) {
        let index = entries.firstIndex { $0.deadline > deadline } ?? entries.endIndex
        entries.insert((deadline, job), at: index)
    }

    /// Removes and returns, in deadline order, every job whose deadline is at or before `now`.
    mutating func removeDue(now: Int64) -> [Job] {
        let due = entries.prefix { $0.deadline <= now }.map(\.job)
        entries.removeFirst(due.count)
        return due
    }
}
