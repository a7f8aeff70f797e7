import Glibc

/// One `write(2)` to a pipe that can never kill the process with SIGPIPE.
///
/// SIGPIPE is blocked on the calling thread for the duration of the call; if
/// the write fails with EPIPE, the SIGPIPE it raised is taken off the thread's
/// queue before the old mask returns (unless one was already pending). Nothing
/// process-wide changes, so children keep the default SIGPIPE disposition.
enum PipeWrite {
    /// The outcome of one write.
    enum Outcome: Equatable {
        /// This many bytes went in (possibly fewer than given).
        case wrote(Int)
        /// The pipe is full (EAGAIN): nothing went in.
        case full
        /// No reader is left (EPIPE).
        case noReader
    }

    /// Writes `bytes` to `descriptor` (the pipe at `path`) once, retrying only on EINTR; other errors are thrown.
    static func write(_ bytes: ArraySlice<UInt8>, to descriptor: Int32, path: String) throws(SystemCallError) -> Outcome {
        var sigpipe = sigset_t()
        sigemptyset(&sigpipe)
        sigaddset(&sigpipe, SIGPIPE)
        var pending = sigset_t()
        sigpending(&pending)
        let alreadyPending = sigismember(&pending, SIGPIPE) == 1
        var previous = sigset_t()
        pthread_sigmask(SIG_BLOCK, &sigpipe, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        while true {
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if result >= 0 { return .wrote(result) }
            switch errno {
            case EINTR:
                continue
            case EAGAIN:
                return .full
            case EPIPE:
                if !alreadyPending {
                    var immediately = timespec(tv_sec: 0, tv_nsec: 0)
                    _ = sigtimedwait(&sigpipe, nil, &immediately)
                }
                return .noReader
            case let code:
                throw SystemCallError(.write, path: path, code: code)
            }
        }
    }
}
