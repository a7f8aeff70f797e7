/// An open-addressing hash table from names to small indices; the names stay where they are.
///
/// A bucket holds a name's hash (high half, as a tag) and its index; a lookup yields
/// the candidate indices and the caller checks which one's name equals the one looked
/// for, so names are compared in place as bytes and never copied into the table. The
/// size is fixed when it is made.
struct NameTable {
    fileprivate struct Bucket {
        var tag: UInt32
        /// The stored index, or -1 for an empty bucket.
        var index: Int32
    }

    private var buckets: [Bucket]
    private let mask: Int
    private let capacity: Int
    private var count = 0

    /// A table for at most `capacity` names, filled to three quarters at most.
    init(capacity: Int) {
        var size = 16
        while size * 3 < capacity * 4 { size <<= 1 }
        buckets = Array(repeating: Bucket(tag: 0, index: -1), count: size)
        mask = size - 1
        self.capacity = capacity
    }

    /// The indices stored for names that may have `hash`; the caller compares the names.
    @inline(__always) func candidates(for hash: Int) -> Candidates {
        Candidates(buckets: buckets, mask: mask, tag: Self.tag(hash), position: hash & mask)
    }

    /// Adds `index` for a name with `hash` that the table does not have yet.
    mutating func insert(hash: Int, index: Int) {
        precondition(count < capacity && index <= Int32.max)
        var position = hash & mask
        while buckets[position].index >= 0 { position = (position + 1) & mask }
        buckets[position] = Bucket(tag: Self.tag(hash), index: Int32(index))
        count += 1
    }

    @inline(__always) fileprivate static func tag(_ hash: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: UInt(bitPattern: hash) >> 32)
    }

    /// The indices whose tag matches, in probe order, up to the first empty bucket.
    struct Candidates: Sequence, IteratorProtocol {
        fileprivate let buckets: [Bucket]
        fileprivate let mask: Int
        fileprivate let tag: UInt32
        fileprivate var position: Int

        @inline(__always) mutating func next() -> Int? {
            while true {
                let bucket = buckets[position]
                if bucket.index < 0 { return nil }
                position = (position + 1) & mask
                if bucket.tag == tag { return Int(bucket.index) }
            }
        }
    }
}
