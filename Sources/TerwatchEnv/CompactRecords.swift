/// A run of a compact file's bytes: in its source below `CompactFile.sourceCount`,
/// else in the text assembled while parsing (values with escapes, heredocs).
///
/// Offsets take 32 bits, as in every compact record: a file has one record per
/// definition, and smaller records mean less memory to fill and read back.
/// `CompactFile.maxSourceBytes` keeps the offsets in range.
struct TextRange: Hashable {
    private let offset: UInt32
    private let length: UInt32

    /// The range of `count` bytes from `start`.
    @inline(__always) init(start: Int, count: Int) {
        precondition(start >= 0 && count >= 0 && start + count <= Int(UInt32.max), "text offset out of range")
        offset = UInt32(truncatingIfNeeded: start)
        length = UInt32(truncatingIfNeeded: count)
    }

    /// The offset of the first byte.
    var start: Int { Int(offset) }
    /// The number of bytes.
    var count: Int { Int(length) }
    /// The offset just past the last byte.
    var end: Int { start + count }
}

/// A range of indices in 32 bits (of template parts), for the same reason as `TextRange`.
struct IndexRange: Hashable {
    private let lower: UInt32
    private let upper: UInt32

    /// `range`, which must fit in 32 bits.
    @inline(__always) init(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= Int(UInt32.max), "index out of range")
        lower = UInt32(truncatingIfNeeded: range.lowerBound)
        upper = UInt32(truncatingIfNeeded: range.upperBound)
    }

    /// The indices.
    var range: Range<Int> { Int(lower)..<Int(upper) }
}

/// A line and column in 32 bits each, for the same reason as `TextRange`.
struct CompactPosition: Hashable {
    private let line: UInt32
    private let column: UInt32

    @inline(__always) init(_ position: SourcePosition) {
        line = UInt32(truncatingIfNeeded: position.line)
        column = UInt32(truncatingIfNeeded: position.column)
    }

    /// The position.
    var position: SourcePosition { SourcePosition(line: Int(line), column: Int(column)) }
}

/// One definition of a compact file: `Entry` with byte ranges instead of strings.
struct EntryRecord {
    /// `NameBytes.hash` of the key.
    let keyHash: Int
    /// The key's bytes (always in the source).
    let key: TextRange
    private let place: CompactPosition
    /// The value.
    let value: ValueRecord
    /// How the value was quoted.
    let quoting: Entry.Quoting

    init(key: TextRange, keyHash: Int, value: ValueRecord, quoting: Entry.Quoting, position: SourcePosition) {
        self.keyHash = keyHash
        self.key = key
        place = CompactPosition(position)
        self.value = value
        self.quoting = quoting
    }

    /// Where the key starts.
    var position: SourcePosition { place.position }
}

/// What a definition gives its key: `Entry.Value` with byte ranges.
enum ValueRecord {
    /// A value taken literally.
    case literal(TextRange)
    /// A value that expands: `CompactFile.parts[range]`.
    case template(IndexRange)
    /// A bare `KEY` line.
    case inherited
}

/// One piece of a compact template: `Fragment` with byte ranges.
enum TemplatePart {
    /// Text taken as it is.
    case text(TextRange)
    /// A reference: `CompactFile.references[index]`.
    case reference(Int)
}

/// A `$NAME` or `${NAME<op>word}` reference: `Reference` with byte ranges.
struct ReferenceRecord {
    /// `NameBytes.hash` of the name.
    let nameHash: Int
    /// The name's bytes.
    let name: TextRange
    private var wordParts: IndexRange
    private let place: CompactPosition
    /// The operator.
    let operation: Reference.Operation
    /// Whether an empty value counts as unset (the colon forms).
    let treatsEmptyAsUnset: Bool

    init(
        name: TextRange, nameHash: Int, operation: Reference.Operation, treatsEmptyAsUnset: Bool,
        word: Range<Int>, position: SourcePosition
    ) {
        self.nameHash = nameHash
        self.name = name
        wordParts = IndexRange(word)
        place = CompactPosition(position)
        self.operation = operation
        self.treatsEmptyAsUnset = treatsEmptyAsUnset
    }

    /// The operand: `CompactFile.parts[word]`.
    var word: Range<Int> {
        get { wordParts.range }
        set { wordParts = IndexRange(newValue) }
    }

    /// The position of the `$` that starts the reference.
    var position: SourcePosition { place.position }
}
