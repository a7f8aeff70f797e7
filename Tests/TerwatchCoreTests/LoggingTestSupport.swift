import Foundation
import Glibc
import Synchronization

/// A pipe whose read end a thread of its own drains, from `drain()` until end of file.
final class DrainedPipe: Sendable {
    let writeEnd: Int32
    let readEnd: Int32
    private let received = Mutex<[UInt8]>([])
    private let ended = Recorder<Bool>()

    /// A new pipe; `nonBlockingWrites` sets O_NONBLOCK on the write end.
    init(nonBlockingWrites: Bool = false) {
        var ends: [Int32] = [0, 0]
        precondition(pipe(&ends) == 0)
        for end in ends { precondition(fcntl(end, F_SETFD, FD_CLOEXEC) == 0) }
        (readEnd, writeEnd) = (ends[0], ends[1])
        if nonBlockingWrites { precondition(fcntl(writeEnd, F_SETFL, O_NONBLOCK) == 0) }
    }

    /// Starts reading on a thread of its own.
    func drain() {
        Thread { [self] in
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(readEnd, &chunk, chunk.count)
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { break }
                received.withLock { $0 += chunk[..<count] }
            }
            ended.record(true)
        }.start()
    }

    /// The number of bytes written and not read yet.
    var buffered: Int32 {
        var count: Int32 = 0
        precondition(ioctl(readEnd, UInt(FIONREAD), &count) == 0)
        return count
    }

    /// How many bytes the pipe holds (`F_GETPIPE_SZ`, which Swift does not import by name).
    var capacity: Int32 { fcntl(writeEnd, 1032) }

    /// Fills the pipe until a write would block; needs `nonBlockingWrites`. Returns the bytes written.
    func fill() -> Int {
        let block = [UInt8](repeating: UInt8(ascii: "."), count: 4096)
        var total = 0
        while true {
            let written = write(writeEnd, block, block.count)
            guard written > 0 else { return total }
            total += written
        }
    }

    /// Closes the write end, awaits (bounded) the end of the reading, and returns what was read; nil at the deadline.
    func finish() async -> String? {
        close(writeEnd)
        guard await ended.waitUntil(after: 0, { !$0.isEmpty }) else { return nil }
        close(readEnd)
        return String(decoding: received.withLock { $0 }, as: UTF8.self)
    }
}

/// A terminal whose master side is closed: writes to the returned descriptor fail with EIO, as on a hung-up terminal.
func hungUpTerminal() -> Int32 {
    // TIOCSPTLCK and TIOCGPTN (unlockpt and ptsname), which Swift does not import.
    let unlockRequest: UInt = 0x4004_5431
    let numberRequest: UInt = 0x8004_5430
    let master = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
    precondition(master >= 0, "open '/dev/ptmx' failed: \(errno)")
    var unlock: Int32 = 0
    var number: UInt32 = 0
    precondition(ioctl(master, unlockRequest, &unlock) == 0 && ioctl(master, numberRequest, &number) == 0)
    let terminal = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY | O_CLOEXEC)
    precondition(terminal >= 0, "open '/dev/pts/\(number)' failed: \(errno)")
    close(master)
    return terminal
}
