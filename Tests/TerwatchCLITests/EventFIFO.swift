import Foundation
import Glibc
import Testing

/// A FIFO the tests read terwatch's events from, one JSON line at a time, each read bounded by a deadline.
///
/// The read end is opened read-write, so it never sees end of file while
/// terwatch has no write end open, and `poll` only wakes for data.
final class EventFIFO {
    /// The FIFO's path.
    let path: String
    private var descriptor: Int32 = -1
    private var pending: [UInt8] = []

    /// Makes a FIFO at `path` (mode 0600); `open()` starts reading it.
    init(_ path: String, opened: Bool = true) throws {
        self.path = path
        guard mkfifo(path, 0o600) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        if opened { try open() }
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Opens the read end: from now on terwatch has a reader.
    func open() throws {
        descriptor = Glibc.open(path, O_RDWR | O_NONBLOCK | O_CLOEXEC)
        if descriptor < 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// The next line, without its line break; nil when none is complete by the deadline.
    func nextLine(within limit: TimeInterval = AgentProcess.deadline) -> String? {
        let end = Date().addingTimeInterval(limit)
        while true {
            if let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeSubrange(...newline)
                return line
            }
            let left = end.timeIntervalSinceNow
            guard left > 0 else { return nil }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(left * 1000) + 1) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = read(descriptor, &buffer, buffer.count)
            if count > 0 { pending += buffer[..<count] }
        }
    }

    /// The next line as an event; nil when none came by the deadline or it is not an event.
    func nextEvent(within limit: TimeInterval = AgentProcess.deadline) -> Event? {
        nextLine(within: limit).flatMap(Event.init(line:))
    }
}

/// One JSON event, with the members tests compare; `time` and `sources` are checked apart.
struct Event: Decodable, Equatable, CustomStringConvertible, CustomTestStringConvertible {
    var event: String
    var generation: Int?
    var added: [String]?
    var removed: [String]?
    var changed: [String]?
    var rotated: [String]?
    var values: [String: String]?
    var fingerprints: [String: String]?
    var previous_fingerprints: [String: String]?
    var reason: String?
    var time: String?
    var sources: [String]?

    /// The JSON line it came from.
    var line = ""

    private enum CodingKeys: String, CodingKey {
        case event, generation, added, removed, changed, rotated, values, fingerprints, previous_fingerprints, reason, time, sources
    }

    /// Decodes one JSON line; nil when it is not an event object.
    init?(line: String) {
        guard var decoded = try? JSONDecoder().decode(Event.self, from: Data(line.utf8)) else { return nil }
        decoded.line = line
        self = decoded
    }

    /// A `reload` event of `generation` with exactly these keys and values (no secrets).
    static func reload(
        _ generation: Int, added: [String] = [], removed: [String] = [], changed: [String] = [],
        values: [String: String] = [:]
    ) -> Event {
        Event(
            event: "reload", generation: generation, added: added, removed: removed, changed: changed,
            rotated: [], values: values, fingerprints: [:], previous_fingerprints: [:])
    }

    /// Compares every member but `time`, `sources` and the line.
    static func == (lhs: Event, rhs: Event) -> Bool {
        lhs.event == rhs.event && lhs.generation == rhs.generation && lhs.added == rhs.added
            && lhs.removed == rhs.removed && lhs.changed == rhs.changed && lhs.rotated == rhs.rotated
            && lhs.values == rhs.values && lhs.fingerprints == rhs.fingerprints
            && lhs.previous_fingerprints == rhs.previous_fingerprints && lhs.reason == rhs.reason
    }

    var description: String { line.isEmpty ? "\(event) \(generation ?? 0)" : line }

    /// The JSON line in failure messages.
    var testDescription: String { description }

    private init(
        event: String, generation: Int?, added: [String]?, removed: [String]?, changed: [String]?,
        rotated: [String]?, values: [String: String]?, fingerprints: [String: String]?,
        previous_fingerprints: [String: String]?
    ) {
        self.event = event
        self.generation = generation
        self.added = added
        self.removed = removed
        self.changed = changed
        self.rotated = rotated
        self.values = values
        self.fingerprints = fingerprints
        self.previous_fingerprints = previous_fingerprints
    }
}
