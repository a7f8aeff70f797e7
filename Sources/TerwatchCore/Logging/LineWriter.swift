import Glibc

/// Writes whole lines to a descriptor it does not own, each with one `write(2)` call, never waiting on a reader.
///
/// A line goes out in one call, so on a pipe (up to `PIPE_BUF`, 4096 bytes)
/// or a terminal it cannot be split by another process writing to the same
/// stderr, such as the wrapped child. The call is repeated on `EINTR`, and
/// for the rest after a partial write. A line that cannot be written is
/// dropped rather than waited for: `EIO` (a terminal that hung up), `EPIPE`
/// (no reader; `SIGPIPE` is ignored or blocked), `EAGAIN` (someone made the
/// shared descriptor non-blocking and it is full) and any other error. Only
/// once part of a line is out does `EAGAIN` wait, with `poll(2)`, for room
/// for the rest, so that the next line does not start inside this one.
///
/// A terminal with `TOSTOP` stops a background process that writes to it
/// with `SIGTTOU`, unless the writing thread blocks or ignores that signal:
/// then the write simply goes through. `SignalCenter` blocks it in every
/// thread, so a log line never stops terwatch.
struct LineWriter: Sendable {
    /// The descriptor written to.
    let descriptor: Int32

    /// Writes `line`; false when it was dropped.
    func write(_ line: String) -> Bool {
        var line = line
        return line.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                    continue
                }
                guard written < 0 else { return false }
                switch errno {
                case EINTR:
                    continue
                case EAGAIN where offset > 0:
                    waitUntilWritable()
                default:
                    return false
                }
            }
            return true
        }
    }

    /// Returns when the descriptor can take more bytes, or has failed (the next write then says how).
    private func waitUntilWritable() {
        var request = pollfd(fd: descriptor, events: Int16(POLLOUT), revents: 0)
        while poll(&request, 1, -1) < 0 && errno == EINTR {}
    }
}
