import Glibc

/// `--fifo PATH`: one JSON line per event on a named pipe, written without ever blocking.
///
/// * The FIFO is created with mode 0600 if absent (and again if it is deleted);
///   anything else at the path is an error naming it.
/// * It is opened `O_WRONLY|O_NONBLOCK` only while a reader has it open. With
///   no reader (ENXIO, or EPIPE once the reader left) the line is kept, and only
///   the newest line: the next `deliver` replaces it, and `deliver` or `retry`
///   writes it as soon as a reader is there.
/// * A full pipe never blocks: the line is dropped and `droppedLines` counts it.
/// * A line of at most `PIPE_BUF` (4096) bytes, newline included, is written by
///   one atomic write: whole or not at all. A longer line is written only into
///   an empty pipe that can hold it (so it goes in whole), and is dropped
///   otherwise. Should another writer share the FIFO and a long write still
///   stop short, the rest is written before anything else, at the next
///   `deliver` or `retry`.
///
/// Not thread-safe: one owner calls it.
public final class FIFONotifier {
    /// What became of a line.
    public enum Delivery: Hashable, Sendable {
        /// The line is in the pipe.
        case written
        /// Part of a long line is in the pipe; the rest goes first at the next `deliver` or `retry`.
        case partlyWritten
        /// No reader: the line is kept (as the newest) for the next one.
        case noReader
        /// The pipe was full: the line was dropped and counted.
        case dropped
        /// `retry` found nothing to deliver.
        case nothingPending
    }

    /// The FIFO's path.
    public let path: String
    /// How many lines were dropped because the pipe was full, since creation.
    public private(set) var droppedLines = 0

    private var descriptor: Int32 = -1
    private var newest: [UInt8]?
    private var unfinished: ArraySlice<UInt8> = []

    /// `fcntl` command for a pipe's capacity (Linux; not exported to Swift).
    private static let getPipeSize: Int32 = 1032

    /// Uses the FIFO at `path`, creating it with mode 0600 if nothing is there.
    public init(path: String) throws(FIFOError) {
        self.path = path
        try ensureFIFO()
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Delivers `line` as the newest event; it must hold no line break (`JSONWriter` output never does).
    public func deliver(_ line: String) throws(FIFOError) -> Delivery {
        newest = Array(line.utf8) + [UInt8(ascii: "\n")]
        return try flush()
    }

    /// Delivers the kept line, if any, now that a reader may have appeared.
    public func retry() throws(FIFOError) -> Delivery {
        guard newest != nil || !unfinished.isEmpty else { return .nothingPending }
        return try flush()
    }

    private func flush() throws(FIFOError) -> Delivery {
        guard try openIfReader() else { return .noReader }
        if !unfinished.isEmpty {
            switch try write(unfinished) {
            case .wrote(let count) where count == unfinished.count:
                unfinished = []
            case .wrote(let count):
                unfinished = unfinished.dropFirst(count)
                return dropNewest()
            case .full:
                return dropNewest()
            case .noReader:
                return .noReader
            }
        }
        guard let line = newest else { return .written }
        guard line.count <= Int(PIPE_BUF) || fitsWhole(line.count) else { return dropNewest() }
        switch try write(line[...]) {
        case .wrote(let count):
            newest = nil
            if count < line.count {
                unfinished = line[count...]
                return .partlyWritten
            }
            return .written
        case .full:
            return dropNewest()
        case .noReader:
            return .noReader
        }
    }

    private func dropNewest() -> Delivery {
        if newest != nil {
            newest = nil
            droppedLines += 1
        }
        return .dropped
    }

    /// Writes once; with the reader gone, closes the pipe (which discards what it held) and keeps the newest line.
    private func write(_ bytes: ArraySlice<UInt8>) throws(FIFOError) -> PipeWrite.Outcome {
        let outcome: PipeWrite.Outcome
        do {
            outcome = try PipeWrite.write(bytes, to: descriptor, path: path)
        } catch {
            throw .system(error)
        }
        if outcome == .noReader {
            close(descriptor)
            descriptor = -1
            unfinished = []
        }
        return outcome
    }

    /// Whether the pipe is empty and can hold `count` bytes, so one write puts them all in.
    private func fitsWhole(_ count: Int) -> Bool {
        var queued: Int32 = 0
        guard ioctl(descriptor, UInt(FIONREAD), &queued) == 0, queued == 0 else { return false }
        let capacity = fcntl(descriptor, Self.getPipeSize)
        return capacity >= 0 && count <= Int(capacity)
    }

    /// Opens the FIFO for writing if it is not open; false when no reader has it open.
    private func openIfReader() throws(FIFOError) -> Bool {
        if descriptor >= 0 { return true }
        while true {
            let opened = open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC)
            if opened >= 0 {
                var info = stat()
                guard fstat(opened, &info) == 0, info.st_mode & S_IFMT == S_IFIFO else {
                    close(opened)
                    try ensureFIFO()
                    return false
                }
                descriptor = opened
                return true
            }
            switch errno {
            case EINTR: continue
            case ENXIO: return false
            case ENOENT:
                try ensureFIFO()
                return false
            case let code: throw .system(SystemCallError(.open, path: path, code: code))
            }
        }
    }

    /// Creates the FIFO (mode 0600, whatever the umask) unless one is there; anything else there is an error.
    private func ensureFIFO() throws(FIFOError) {
        while true {
            var info = stat()
            if stat(path, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFIFO: return
                case S_IFREG: throw .notAFIFO(path: path, found: "a regular file")
                case S_IFDIR: throw .notAFIFO(path: path, found: "a directory")
                default: throw .notAFIFO(path: path, found: "a special file")
                }
            }
            guard errno == ENOENT else { throw .system(SystemCallError(.stat, path: path, code: errno)) }
            if mkfifo(path, 0o600) == 0 {
                chmod(path, 0o600)
                return
            }
            guard errno == EEXIST else { throw .system(SystemCallError(.mkfifo, path: path, code: errno)) }
        }
    }
}
