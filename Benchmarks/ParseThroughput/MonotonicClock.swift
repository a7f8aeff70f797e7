import Glibc

/// Reads `CLOCK_MONOTONIC`, the clock the godotenv and python-dotenv programs time with too.
enum MonotonicClock {
    /// Nanoseconds since an arbitrary fixed point.
    static func nanoseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1_000_000_000 + Int(now.tv_nsec)
    }

    /// Runs `body` and returns how long it took in seconds, with what it returned.
    static func time<Result>(_ body: () -> Result) -> (seconds: Double, result: Result) {
        let start = nanoseconds()
        let result = body()
        return (Double(nanoseconds() - start) / 1e9, result)
    }
}
