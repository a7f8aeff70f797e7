/// A run of a compact file's bytes: in its source below `CompactFile.sourceCount`,
/// else in the text assembled while parsing (values with escapes, heredocs).
struct TextRange: Hashable {
    /// The offset of the first byte.
    var start: Int
    /// The number of bytes.
    var count: Int

    /// The offset just past the last byte.
    var end: Int { start + count }
}

/// One definition of a compact file: `Entry` with byte ranges instead of strings.
struct EntryRecord {
    /// The key's bytes (always in the source).
    var key: TextRange
    /// `NameBytes.hash` of the key.
    var keyHash: Int
    /// The value.
    var value: ValueRecord
    /// How the value was quoted.
    var quoting: Entry.Quoting
    /// Where the key starts.
    var position: SourcePosition
}

/// What a definition gives its key: `Entry.Value` with byte ranges.
enum ValueRecord {
    /// A value taken literally.
    case literal(TextRange)
    /// A value that expands: `CompactFile.parts[range]`.
    case template(Range<Int>)
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
    /// The name's bytes.
    var name: TextRange
    /// `NameBytes.hash` of the name.
    var nameHash: Int
    /// The operator.
    var operation: Reference.Operation
    /// Whether an empty value counts as unset (the colon forms).
    var treatsEmptyAsUnset: Bool
    /// The operand: `CompactFile.parts[word]`.
    var word: Range<Int>
    /// The position of the `$` that starts the reference.
    var position: SourcePosition
}
