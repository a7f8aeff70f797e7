import Glibc

/// `--audit-log FILE`: appends one hash-chained JSON line per record, durably, to a file only its owner can read.
///
/// * The file is opened `O_RDWR|O_APPEND|O_CREAT` and created with mode
///   0600 (an existing file keeps its mode).
/// * Each `append` takes an exclusive `flock`, reads the log's last line to
///   chain from it (so a log written by an earlier run, or another terwatch
///   sharing the file, continues), writes the line in full, and `fsync`s it.
/// * A failure to write or sync is thrown, never swallowed: the caller logs
///   it and, with `--audit-required`, turns the reload down. The log is cut
///   back to its size before the record, so no partial line stays behind.
/// * A log whose last line has no line break cannot be continued (the chain
///   would hash a torn record): opening or appending to it fails.
///
/// Not thread-safe: one owner calls it.
public final class AuditLog {
    /// The log's path, as given.
    public let path: String
    private let descriptor: Int32

    /// Opens (creating, mode 0600) the log at `path` and checks that its last record is complete.
    public init(path: String) throws(AuditLogError) {
        self.path = path
        descriptor = try Self.open(path)
        do {
            _ = try lastLineDigest()
        } catch {
            Glibc.close(descriptor)
            throw error
        }
    }

    deinit {
        Glibc.close(descriptor)
    }

    /// Appends `record`, chained to the log's last line, and makes it durable; returns the line written (without its line break).
    @discardableResult
    public func append(_ record: AuditRecord) throws(AuditLogError) -> String {
        try retrying(.flock) { flock(descriptor, LOCK_EX) }
        defer { _ = flock(descriptor, LOCK_UN) }
        let line = record.line(after: try lastLineDigest())
        let size = try self.size()
        do {
            try write(Array((line + "\n").utf8))
            try retrying(.fsync) { fsync(descriptor) }
        } catch {
            _ = ftruncate(descriptor, off_t(size))
            throw error
        }
        return line
    }

    /// The SHA-256 of the log's last line, line break included; nil for an empty log.
    private func lastLineDigest() throws(AuditLogError) -> SHA256.Digest? {
        let size = try self.size()
        guard size > 0 else { return nil }
        guard try read(count: 1, at: size - 1) == [UInt8(ascii: "\n")] else {
            throw .incompleteRecord(path: path)
        }
        var start = 0
        var end = size - 1
        while end > 0 {
            let chunkStart = max(0, end - 4096)
            if let newline = try read(count: end - chunkStart, at: chunkStart).lastIndex(of: UInt8(ascii: "\n")) {
                start = chunkStart + newline + 1
                break
            }
            end = chunkStart
        }
        var hasher = SHA256()
        var offset = start
        while offset < size {
            let chunk = try read(count: min(1 << 16, size - offset), at: offset)
            if chunk.isEmpty { break }
            hasher.update(chunk)
            offset += chunk.count
        }
        return hasher.finalize()
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file).
    private func read(count: Int, at offset: Int) throws(AuditLogError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var filled = 0
        while filled < count {
            let done = filled
            let result = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + done, count - done, off_t(offset + done)) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .system(SystemCallError(.read, path: path, code: errno))
            }
            if result == 0 { break }
            filled += result
        }
        return Array(bytes[..<filled])
    }

    /// Writes all of `bytes` at the end of the log.
    private func write(_ bytes: [UInt8]) throws(AuditLogError) {
        var written = 0
        while written < bytes.count {
            let done = written
            let result = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + done, bytes.count - done) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .system(SystemCallError(.write, path: path, code: errno))
            }
            written += result
        }
    }

    /// The log's size in bytes.
    private func size() throws(AuditLogError) -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .system(SystemCallError(.stat, path: path, code: errno)) }
        return Int(info.st_size)
    }

    /// Runs `call` until it does not fail with EINTR; any other failure is thrown as `name` on the log.
    private func retrying(_ name: SystemCallError.Call, _ call: () -> Int32) throws(AuditLogError) {
        while call() != 0 {
            if errno != EINTR { throw .system(SystemCallError(name, path: path, code: errno)) }
        }
    }

    private static func open(_ path: String) throws(AuditLogError) -> Int32 {
        while true {
            let descriptor = Glibc.open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
            if descriptor >= 0 { return descriptor }
            if errno != EINTR { throw .system(SystemCallError(.open, path: path, code: errno)) }
        }
    }
}
