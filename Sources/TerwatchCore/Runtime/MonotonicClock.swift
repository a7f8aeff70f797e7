import Glibc

/// Reads of `CLOCK_MONOTONIC`, the clock the main loop's timers and its condition variable share.
enum MonotonicClock {
    /// Nanoseconds since an arbitrary, fixed start.
    static func now() -> Int64 {
        var time = Glibc.timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
    }

    /// The deadline `delay` from now, in nanoseconds; `Duration`'s attoseconds are rounded up to whole nanoseconds.
    static func deadline(after delay: Duration) -> Int64 {
        let (seconds, attoseconds) = delay.components
        let nanoseconds = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        guard !nanoseconds.overflow else { return seconds < 0 ? now() : .max }
        let total = nanoseconds.partialValue.addingReportingOverflow((attoseconds + 999_999_999) / 1_000_000_000)
        let deadline = now().addingReportingOverflow(total.partialValue)
        return total.overflow || deadline.overflow ? .max : deadline.partialValue
    }

    /// `nanoseconds` as the absolute `timespec` `pthread_cond_timedwait` takes.
    static func absoluteTime(_ nanoseconds: Int64) -> Glibc.timespec {
        Glibc.timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
    }
}
