/// Finds invalid UTF-8 in a buffer, piece by piece, with an ASCII fast path.
///
/// The parser checks a block just ahead of where it reads, so a large file is brought
/// into the CPU caches once for both jobs instead of once for each.
struct UTF8Validation {
    /// The offsets of invalid sequences found so far, at most one per line, in order.
    private(set) var invalidOffsets: [Int] = []
    /// Everything before this offset is checked.
    private(set) var checked = 0

    /// Checks `bytes` up to `limit` at least (a sequence or skipped line that crosses it is finished).
    mutating func check(_ bytes: UnsafeBufferPointer<UInt8>, upTo limit: Int) {
        guard let base = bytes.baseAddress else { return }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        let stop = min(limit, count)
        var index = checked
        while index < stop {
            if index + 32 <= count {
                // Four words at a time while they are ASCII.
                let any = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 16, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: index + 24, as: UInt64.self)
                if any & 0x8080_8080_8080_8080 == 0 {
                    index += 32
                    continue
                }
            }
            let byte = bytes[index]
            if byte < 0x80 {
                index += 1
                continue
            }
            let length = Self.sequenceLength(bytes, at: index)
            if length > 0 {
                index += length
                continue
            }
            invalidOffsets.append(index)
            // One report per line: continue after the next line break.
            while index < count && bytes[index] != ASCII.lf { index += 1 }
        }
        checked = max(checked, index)
    }

    /// The length of the valid sequence starting at `index`, or 0 if it is invalid.
    private static func sequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; upper = 0x9F
        case 0xF0: length = 4; lower = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; upper = 0x8F
        default: return 0
        }
        guard index + length <= bytes.count else { return 0 }
        let second = bytes[index + 1]
        guard second >= lower && second <= upper else { return 0 }
        var offset = 2
        while offset < length {
            guard bytes[index + offset] & 0xC0 == 0x80 else { return 0 }
            offset += 1
        }
        return length
    }
}
