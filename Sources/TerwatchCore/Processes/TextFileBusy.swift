import Glibc

/// Retries an exec that failed with ETXTBSY ("text file busy").
///
/// A program or script just written is busy while any process still holds it open for
/// writing — for a moment, a child that another thread forked inherits the writer's
/// descriptor until its own exec closes it. The condition passes by itself, so the
/// spawn is tried again a few times (1, 2, 4 … 64 ms apart, about 127 ms in all)
/// before the error is reported.
enum TextFileBusy {
    /// Runs `attempt` until `isBusy` is false for its result, or the retries run out.
    static func retrying<Result>(_ isBusy: (Result) -> Bool, _ attempt: () -> Result) -> Result {
        var result = attempt()
        var delay: Int = 1_000_000
        for _ in 0..<7 where isBusy(result) {
            var pause = timespec(tv_sec: 0, tv_nsec: delay)
            nanosleep(&pause, nil)
            delay *= 2
            result = attempt()
        }
        return result
    }
}
