import Glibc

/// Reads a whole file with plain Glibc calls.
enum SourceFile {
    /// The bytes of the file at `path`.
    static func read(_ path: String) throws(BenchmarkError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("open", path) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw failure("fstat", path) }
        var bytes = [UInt8](repeating: 0, count: Int(status.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                if count == 0 { throw BenchmarkError("'\(path)' shrank while being read") }
                throw failure("read", path)
            }
            filled += count
        }
        return bytes
    }

    /// The error for a failed call on `path`, naming the call and errno's text.
    private static func failure(_ call: String, _ path: String) -> BenchmarkError {
        BenchmarkError("\(call) failed for '\(path)': \(String(cString: strerror(errno)).lowercased())")
    }
}
