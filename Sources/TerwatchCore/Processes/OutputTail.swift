/// The last `limit` bytes of a stream, and how many bytes before them were dropped.
public struct OutputTail: Sendable {
    /// The most bytes kept.
    public let limit: Int
    /// Every byte appended so far, kept or not.
    public private(set) var totalByteCount = 0
    /// The bytes kept, a suffix of what was appended; trimmed to `limit` lazily, at most twice the limit long.
    private var storage: [UInt8] = []

    /// An empty tail that keeps at most `limit` bytes.
    public init(limit: Int) {
        precondition(limit >= 0, "an output limit cannot be negative")
        self.limit = limit
    }

    /// The last `limit` bytes appended (all of them when fewer were).
    public var bytes: [UInt8] { Array(storage.suffix(limit)) }

    /// The kept bytes as text, from the first whole character when the limit cut one; invalid UTF-8 replaced.
    ///
    /// Leaving out the bytes of a cut character, rather than showing a
    /// replacement character, keeps what follows the cut byte for byte, so
    /// the redactor can recognise a piece of a value there (`Redactor+Cuts`).
    public var text: String {
        var kept = storage.suffix(limit)
        if droppedByteCount > 0 {
            // A UTF-8 character has at most three continuation bytes (10xxxxxx).
            kept = kept.dropFirst(kept.prefix(3).prefix { $0 & 0xC0 == 0x80 }.count)
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// How many bytes were dropped from the front to respect the limit.
    public var droppedByteCount: Int { totalByteCount - min(totalByteCount, limit) }

    /// Appends `chunk`, forgetting the oldest bytes beyond the limit.
    public mutating func append(_ chunk: some Collection<UInt8>) {
        storage.append(contentsOf: chunk)
        totalByteCount += chunk.count
        // Trimming only past twice the limit keeps appends amortized O(chunk).
        if storage.count > 2 * limit { storage.removeFirst(storage.count - limit) }
    }
}
