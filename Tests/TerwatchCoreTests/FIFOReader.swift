import Foundation
import Glibc

/// The read end of a FIFO, opened without waiting for a writer; every read waits at most a deadline.
final class FIFOReader {
    private var descriptor: Int32

    /// Opens `path` for reading, `O_NONBLOCK` so the open itself returns at once.
    init(_ path: String) throws {
        descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    deinit { close() }

    /// Closes the read end (a writer then sees EPIPE).
    func close() {
        if descriptor >= 0 { Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Reads until `count` bytes arrived or `deadline` seconds passed; returns what arrived.
    func read(_ count: Int, within deadline: Double = 5) -> String {
        var bytes: [UInt8] = []
        let end = Date().addingTimeInterval(deadline)
        while bytes.count < count {
            let left = end.timeIntervalSinceNow
            if left <= 0 { break }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(left * 1000) + 1) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: count - bytes.count)
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if got > 0 {
                bytes += buffer[0..<got]
            } else if got == 0 || errno != EAGAIN {
                // End of file (no writer) or an error: wait for a writer or the deadline.
                var request = timespec(tv_sec: 0, tv_nsec: 5_000_000)
                nanosleep(&request, nil)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whatever is in the pipe now, without waiting.
    func readAvailable() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            guard got > 0 else { break }
            bytes += buffer[0..<got]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
