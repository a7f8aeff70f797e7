/// Keys and variable names as the parser leaves them: bytes, hashed once and compared in place.
enum NameBytes {
    /// A random seed drawn once per process, like the standard library's hashing seed.
    private static let seed = UInt64.random(in: .min ... .max)

    /// The hash of the name made of `bytes`: eight bytes at a time, each word mixed into the state.
    ///
    /// Names are short, so this beats the standard library's SipHash several times over.
    /// Every mixing step is a bijection of the state and the state starts from a random
    /// seed, so which names collide depends on the seed: a file cannot be written to make
    /// its keys collide and slow the key tables down.
    @inline(__always) static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var state = seed ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return Int(truncatingIfNeeded: mix(state)) }
        let raw = UnsafeRawPointer(base)
        let count = bytes.count
        var index = 0
        while index + 8 <= count {
            state = mix(state ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
            index += 8
        }
        if index < count {
            // The last one to seven bytes, as one more word.
            var tail: UInt64 = 0
            while index < count {
                tail = tail << 8 | UInt64(base[index])
                index += 1
            }
            state = mix(state ^ tail)
        }
        return Int(truncatingIfNeeded: mix(state))
    }

    /// One bijective mixing step: multiply by an odd constant, fold the high bits down.
    @inline(__always) private static func mix(_ value: UInt64) -> UInt64 {
        let product = value &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product >> 29)
    }

    /// Whether two names are the same bytes (compared eight at a time).
    @inline(__always) static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        let (leftRaw, rightRaw) = (UnsafeRawPointer(left), UnsafeRawPointer(right))
        var index = 0
        while index + 8 <= lhs.count {
            if leftRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                != rightRaw.loadUnaligned(fromByteOffset: index, as: UInt64.self) { return false }
            index += 8
        }
        while index < lhs.count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }
}
