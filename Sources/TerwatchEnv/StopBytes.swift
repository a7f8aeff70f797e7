/// Up to five byte values a scan stops at, tested eight bytes at a time (SWAR).
struct StopBytes {
    private let broadcast: (UInt64, UInt64, UInt64, UInt64, UInt64)
    private let values: (UInt8, UInt8, UInt8, UInt8, UInt8)

    /// Stops at any of `values` (at least one, at most five).
    init(_ values: UInt8...) {
        precondition((1...5).contains(values.count))
        let padded = values + Array(repeating: values[0], count: 5 - values.count)
        let spread = { (byte: UInt8) in UInt64(byte) &* 0x0101_0101_0101_0101 }
        self.values = (padded[0], padded[1], padded[2], padded[3], padded[4])
        broadcast = (spread(padded[0]), spread(padded[1]), spread(padded[2]), spread(padded[3]), spread(padded[4]))
    }

    /// Whether `byte` is one of the stop values.
    @inline(__always) func contains(_ byte: UInt8) -> Bool {
        byte == values.0 || byte == values.1 || byte == values.2 || byte == values.3 || byte == values.4
    }

    /// A word with the high bit set in each byte of `word` that is a stop value (exact for the lowest one).
    @inline(__always) func matches(in word: UInt64) -> UInt64 {
        Self.zeroBytes(word ^ broadcast.0) | Self.zeroBytes(word ^ broadcast.1) | Self.zeroBytes(word ^ broadcast.2)
            | Self.zeroBytes(word ^ broadcast.3) | Self.zeroBytes(word ^ broadcast.4)
    }

    @inline(__always) private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}

extension ParseSession {
    /// The offset of the first byte at or after `start` that `stops` contains, or `end`.
    @inline(__always) func firstIndex(from start: Int, of stops: StopBytes) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= end {
                let hits = stops.matches(in: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if hits != 0 { return index + hits.trailingZeroBitCount >> 3 }
                index += 8
            }
        }
        while index < end && !stops.contains(bytes[index]) { index += 1 }
        return index
    }
}
