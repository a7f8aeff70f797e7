import Glibc

/// The clock runs are timed with; the godotenv and python-dotenv programs offer the same two.
enum BenchmarkClock: String {
    /// Wall-clock time, `CLOCK_MONOTONIC` (the default).
    case monotonic
    /// CPU time of the whole process, `CLOCK_PROCESS_CPUTIME_ID`: time spent waiting
    /// for a CPU other programs hold does not count, so a busy machine skews it less.
    case cpu

    /// Nanoseconds since an arbitrary fixed point.
    func nanoseconds() -> Int {
        var now = timespec()
        clock_gettime(self == .monotonic ? CLOCK_MONOTONIC : CLOCK_PROCESS_CPUTIME_ID, &now)
        return Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
    }

    /// Runs `body` and returns how long it took in seconds, with what it returned.
    func time<Result>(_ body: () -> Result) -> (seconds: Double, result: Result) {
        let start = nanoseconds()
        let result = body()
        return (Double(nanoseconds() - start) / 1e9, result)
    }
}
