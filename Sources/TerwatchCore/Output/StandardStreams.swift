import Glibc

/// Writes text to standard output and standard error, unbuffered, with `LineWriter`'s rules (one `write(2)` per text, retried on EINTR and after a partial write).
public enum StandardStreams {
    /// Writes `text` to standard output.
    public static func writeOutput(_ text: String) {
        _ = LineWriter(descriptor: STDOUT_FILENO).write(text)
    }

    /// Writes `text` to standard error.
    public static func writeError(_ text: String) {
        _ = LineWriter(descriptor: STDERR_FILENO).write(text)
    }
}
