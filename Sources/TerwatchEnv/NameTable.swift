/// An open-addressing hash table from names to small indices; the names stay where they are.
///
/// A bucket is 32 bits: the stored index plus one in its low bits (0 marks an empty
/// bucket) and, in the bits the indices leave free, a tag taken from the name's hash
/// (its high half). A lookup yields the candidate indices whose tag matches and the
/// caller checks which one's name equals the one looked for, so names are compared in
/// place as bytes and never copied into the table. Small buckets keep a large table
/// within the CPU caches. The size is fixed when it is made.
struct NameTable {
    private var buckets: [UInt32]
    private let mask: Int
    private let capacity: Int
    /// How many low bits of a bucket hold the index plus one.
    private let indexBits: Int
    private var count = 0

    /// A table for at most `capacity` names, filled to three quarters at most.
    init(capacity: Int) {
        precondition(capacity < Int(UInt32.max), "too many names for a name table")
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        buckets = Array(repeating: 0, count: size)
        mask = size - 1
        self.capacity = capacity
        indexBits = Int.bitWidth - (capacity + 1).leadingZeroBitCount
    }

    /// The indices stored for names that may have `hash`; the caller compares the names.
    @inline(__always) func candidates(for hash: Int) -> Candidates {
        Candidates(buckets: buckets, mask: mask, tag: tag(hash), indexMask: indexMask, position: hash & mask)
    }

    /// Adds `index` for a name with `hash` that the table does not have yet.
    mutating func insert(hash: Int, index: Int) {
        precondition(count < capacity && index < capacity)
        var position = hash & mask
        while buckets[position] != 0 { position = (position + 1) & mask }
        buckets[position] = tag(hash) | UInt32(truncatingIfNeeded: index + 1)
        count += 1
    }

    @inline(__always) private var indexMask: UInt32 {
        UInt32(truncatingIfNeeded: (1 << indexBits) - 1)
    }

    /// The high half of `hash`, shifted above the index bits.
    @inline(__always) private func tag(_ hash: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: (UInt(bitPattern: hash) >> 32) << UInt(indexBits))
    }

    /// The indices whose tag matches, in probe order, up to the first empty bucket.
    struct Candidates: Sequence, IteratorProtocol {
        fileprivate let buckets: [UInt32]
        fileprivate let mask: Int
        fileprivate let tag: UInt32
        fileprivate let indexMask: UInt32
        fileprivate var position: Int

        @inline(__always) mutating func next() -> Int? {
            while true {
                let bucket = buckets[position]
                if bucket == 0 { return nil }
                position = (position + 1) & mask
                if bucket & ~indexMask == tag { return Int(bucket & indexMask) - 1 }
            }
        }
    }
}
