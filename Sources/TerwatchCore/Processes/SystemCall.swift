import Glibc

/// Small wrappers shared by the process layer's system calls.
enum SystemCall {
    /// Runs `body` until it does not fail with `EINTR`; returns its last result (errno is set when it is -1).
    static func retrying<Result: BinaryInteger>(_ body: () -> Result) -> Result {
        while true {
            let result = body()
            if result != -1 || errno != EINTR { return result }
        }
    }

    /// Closes `descriptor`, ignoring the result (after `close`, the descriptor is gone even on `EINTR`).
    static func close(_ descriptor: Int32) {
        _ = Glibc.close(descriptor)
    }

    /// Puts `descriptor` in non-blocking mode.
    static func setNonBlocking(_ descriptor: Int32) throws(ProcessError) {
        let flags = fcntl(descriptor, F_GETFL)
        guard flags >= 0, fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw .systemCall(.fcntl, code: errno)
        }
    }

    /// A new pipe whose two ends are close-on-exec.
    static func pipe() throws(ProcessError) -> (read: Int32, write: Int32) {
        var ends: [Int32] = [-1, -1]
        guard LinuxFunctions.pipe(&ends) == 0 else { throw .systemCall(.pipe, code: errno) }
        return (ends[0], ends[1])
    }
}
